package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape of a feature map (height, width, channels, layout) shared by the two plain-reshape
 * preprocessors {@link DenseToFeatureMap} and {@link FeatureMapToDense}. Mutable only for JSON
 * deserialisation.
 */
public abstract class FeatureMapReshape implements InputPreProcessor {
    private static final long serialVersionUID = 1L;

    private long height;
    private long width;
    private long channels;
    private CNN2DFormat format = CNN2DFormat.NCHW;

    /** For deserialisation. */
    protected FeatureMapReshape() {
    }

    /**
     * @param height map height
     * @param width map width
     * @param channels map channels
     * @param format layout of the map
     */
    protected FeatureMapReshape(long height, long width, long channels, CNN2DFormat format) {
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.format = format;
    }

    /**
     * @param batch batch size
     * @return the map's full shape in its layout
     */
    protected long[] mapShape(long batch) {
        return format == CNN2DFormat.NHWC ? new long[] {batch, height, width, channels}
                : new long[] {batch, channels, height, width};
    }

    /** @return values per example */
    protected long flatSize() {
        return height * width * channels;
    }

    @Override
    public abstract InputPreProcessor clone();

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                         int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    /** @return map height */
    public long getHeight() {
        return height;
    }

    /** @param height map height */
    public void setHeight(long height) {
        this.height = height;
    }

    /** @return map width */
    public long getWidth() {
        return width;
    }

    /** @param width map width */
    public void setWidth(long width) {
        this.width = width;
    }

    /** @return map channels */
    public long getChannels() {
        return channels;
    }

    /** @param channels map channels */
    public void setChannels(long channels) {
        this.channels = channels;
    }

    /** @return layout */
    public CNN2DFormat getFormat() {
        return format;
    }

    /** @param format layout */
    public void setFormat(CNN2DFormat format) {
        this.format = format;
    }
}
