package io.github.wikiart.models.layers;

import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;

/**
 * A parameter-free layer configuration that turns a convolutional map (either layout) into one
 * feature vector per sample: the layout it reads, taken from the input type, and the checks and
 * reports every such layer of this package shares. Subclasses give the output size.
 */
public abstract class MapToVectorLayer extends NoParamLayer {
    private static final long serialVersionUID = 1L;

    private CNN2DFormat format = CNN2DFormat.NCHW;

    /** For deserialisation: NCHW. */
    protected MapToVectorLayer() {
    }

    /** @param format the layout of the incoming map */
    protected MapToVectorLayer(CNN2DFormat format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /** @return the layout of the incoming map */
    public CNN2DFormat getFormat() {
        return format;
    }

    /** @param format the layout of the incoming map (for deserialisation) */
    public void setFormat(CNN2DFormat format) {
        this.format = format;
    }

    /**
     * @param conv the incoming map's type
     * @return the number of features per sample
     * @throws IllegalArgumentException if this layer cannot take such a map
     */
    protected abstract long outputSize(InputType.InputTypeConvolutional conv);

    /** @return what this layer is called in error messages */
    protected abstract String description();

    private InputType.InputTypeConvolutional convolutional(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional conv)) {
            throw new IllegalArgumentException(description() + " needs convolutional input, got " + inputType);
        }
        return conv;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(outputSize(convolutional(inputType)));
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeConvolutional conv) {
            format = conv.getFormat();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        outputSize(convolutional(inputType));
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(layerName, getClass(), inputType, out)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
