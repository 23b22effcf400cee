/**
 * Network definitions, one class per network with a builder that validates: the original
 * classifier ({@link io.github.wikiart.models.SeedClassifier}), StyleNet (Gram-pooled CNN), the
 * statistics classifier, and the convolutional autoencoder. Configuration (a DL4J configuration
 * object that can be tested and saved as JSON) is kept apart from initialisation. Also the switch
 * that lets DL4J 1.0.0-M2.1 use its oneDNN helpers ({@link io.github.wikiart.models.OneDnn}).
 * Models never import the training module.
 */
package io.github.wikiart.models;
