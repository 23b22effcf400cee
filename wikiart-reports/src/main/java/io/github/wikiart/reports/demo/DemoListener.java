package io.github.wikiart.reports.demo;

import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticDataset;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.autoencoder.AutoencoderTraining;
import io.github.wikiart.reports.autoencoder.LatentSpace;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.reports.transfer.TransferEvaluation;
import io.github.wikiart.reports.transfer.TransferTraining;

/**
 * The demo's events: the training events of every job, each step as it starts, and each step's
 * typed result as it ends. Every method has an empty default.
 */
public interface DemoListener extends JobListener {
    /**
     * A step starts.
     *
     * @param step which one
     * @param number its number, from 1
     * @param description what it does, one line
     */
    default void onStep(DemoStep step, int number, String description) {
    }

    /** @param dataset the generated dataset */
    default void onGenerated(SyntheticDataset dataset) {
    }

    /** @param dataset the dataset loaded as training loads it */
    default void onLoaded(WikiArtDataset dataset) {
    }

    /** @param result a trained classifier (not the judge) */
    default void onClassifier(ClassifierTraining.Result result) {
    }

    /** @param result the trained autoencoder */
    default void onAutoencoder(AutoencoderTraining.Result result) {
    }

    /** @param latent the autoencoder's latent-space report */
    default void onLatentSpace(LatentSpace latent) {
    }

    /**
     * @param transfer the trained transfer model
     * @param evaluation its evaluation by the judge
     */
    default void onTransfer(TransferTraining.Result transfer, TransferEvaluation evaluation) {
    }
}
