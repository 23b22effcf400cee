package io.github.wikiart.data;

/** Memory layout of image batches. */
public enum TensorLayout {
    /** {@code [batch, channels, height, width]}, DL4J's default. */
    NCHW,
    /** {@code [batch, height, width, channels]}; faster for several DL4J convolution paths on CPU. */
    NHWC
}
