/**
 * Style classifier jobs: {@link io.github.wikiart.reports.classifier.ClassifierTraining} trains one
 * run (or one run per seed) and draws its plots ({@link io.github.wikiart.reports.classifier.ClassifierPlots}),
 * {@link io.github.wikiart.reports.classifier.ClassifierEvaluation} evaluates a finished run again and
 * {@link io.github.wikiart.reports.classifier.ClassifierPrediction} names the styles of image files.
 */
package io.github.wikiart.reports.classifier;
