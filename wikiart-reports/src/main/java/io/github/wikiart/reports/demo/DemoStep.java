package io.github.wikiart.reports.demo;

/** The steps of the demo, in order. */
public enum DemoStep {
    /** Generate the synthetic style dataset. */
    GENERATE,
    /** Load it as training does. */
    LOAD,
    /** Train StyleNet. */
    STYLENET,
    /** Train the original classifier. */
    SEED_CLASSIFIER,
    /** Train the autoencoder, draw its reconstructions and latent space. */
    AUTOENCODER,
    /** Train the judge classifier at 32 px. */
    JUDGE,
    /** Train style transfer at 32 px, judge it, draw its grids. */
    TRANSFER
}
