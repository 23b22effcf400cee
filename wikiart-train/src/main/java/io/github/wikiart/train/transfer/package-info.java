/**
 * Label-conditioned style transfer, the method that works: training the conditional-instance-norm
 * network against Gram-matrix style and content losses ({@link io.github.wikiart.train.transfer.CinTransferTrainer}),
 * training the loss features themselves ({@link io.github.wikiart.train.transfer.FeatureNetTrainer}),
 * loading a trained transfer model of either method ({@link io.github.wikiart.train.transfer.TransferModels}),
 * and judging transfers with independently trained classifiers and against true renderings
 * ({@link io.github.wikiart.train.transfer.TransferEvaluator}). The original method lives in
 * {@code io.github.wikiart.train.transfer.seed}.
 */
package io.github.wikiart.train.transfer;
