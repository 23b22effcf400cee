/**
 * Style classifiers: their {@code classifier} config section
 * ({@link io.github.wikiart.train.classifier.ClassifierOptions}), training
 * ({@link io.github.wikiart.train.classifier.ClassifierRun}: a whole run, one or several seeds;
 * {@link io.github.wikiart.train.classifier.ClassifierTrainer}: the epochs on the training loop),
 * evaluation (accuracy, macro-F1, per-class metrics and the confusion matrix) and the trained
 * model used for prediction ({@link io.github.wikiart.train.classifier.TrainedClassifier}).
 */
package io.github.wikiart.train.classifier;
