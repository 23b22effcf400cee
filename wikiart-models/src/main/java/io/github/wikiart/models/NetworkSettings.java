package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The settings every network of this module shares, as a {@link NetworkBuilder} collected them.
 *
 * @param seed weight seed
 * @param updater optimiser
 * @param layout input layout
 * @param dataType parameter and activation type
 */
record NetworkSettings(long seed, IUpdater updater, TensorLayout layout, DataType dataType) {
}
