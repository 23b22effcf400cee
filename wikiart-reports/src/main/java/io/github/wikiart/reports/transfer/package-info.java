/**
 * Style-transfer jobs: {@link io.github.wikiart.reports.transfer.TransferTraining} trains either
 * method (the original one after training its autoencoder when none is given),
 * {@link io.github.wikiart.reports.transfer.TransferApply} moves image files to a style,
 * {@link io.github.wikiart.reports.transfer.TransferGrid} writes comparison grids and
 * {@link io.github.wikiart.reports.transfer.TransferEvaluation} judges a model with independent
 * classifiers. {@link io.github.wikiart.reports.transfer.TransferImages} reads content folders and
 * turns images into arrays and back.
 */
package io.github.wikiart.reports.transfer;
