package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;

/** Maps the data layer's {@link TensorLayout} to DL4J's formats. */
public final class Layouts {
    private Layouts() {
    }

    /**
     * @param layout the data layout
     * @return DL4J's equivalent
     */
    public static CNN2DFormat format(TensorLayout layout) {
        return layout == TensorLayout.NHWC ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
    }

    /**
     * @param side image side
     * @param layout the data layout
     * @return the input type of RGB images of that side
     */
    public static InputType rgb(int side, TensorLayout layout) {
        return InputType.convolutional(side, side, 3, format(layout));
    }
}
