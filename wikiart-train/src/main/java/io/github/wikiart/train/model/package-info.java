/**
 * Self-describing model files: {@link io.github.wikiart.train.model.ModelDescription}, the one
 * description of every model kind (what it is, how its images are prepared, its styles, the
 * library version), and {@link io.github.wikiart.train.model.ModelFiles}, which stores it inside
 * the model file (a named zip entry beside DL4J's own, or beside a SameDiff graph in the same zip)
 * so that the file alone is enough to load and use a model.
 */
package io.github.wikiart.train.model;
