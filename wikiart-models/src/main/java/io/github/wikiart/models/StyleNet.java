package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.layers.BatchNormRelu;
import io.github.wikiart.models.layers.GemmDense;
import io.github.wikiart.models.layers.GramPooling;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The default style classifier: a small convolutional network whose features are pooled by their
 * second-order statistics ({@link GramPooling}) rather than flattened, so the decision rests
 * on texture and colour statistics (what a style is) instead of where things are in the picture.
 *
 * <p>Layers: three 3x3 convolution blocks (batch norm and ReLU as one layer, {@link BatchNormRelu};
 * max-pooling after the first two) with
 * {@code width}, {@code 2 width}, {@code 2 width} channels, a 1x1 convolution to
 * {@code gramChannels}, Gram pooling ({@code g*g + g} features), batch norm, a dense layer of
 * {@code hidden} units with ReLU and dropout, and a softmax output with cross-entropy.
 */
public final class StyleNet {
    /** Name of this model in configs ({@code classifier.model: stylenet}). */
    public static final String NAME = "stylenet";

    private final int inputSide;
    private final int numClasses;
    private final int width;
    private final int gramChannels;
    private final int hidden;
    private final double dropout;
    private final NetworkSettings common;

    private StyleNet(Builder b) {
        this.inputSide = b.inputSide;
        this.numClasses = b.numClasses;
        this.width = b.width;
        this.gramChannels = b.gramChannels;
        this.hidden = b.hidden;
        this.dropout = b.dropout;
        this.common = b.settings();
    }

    /** @return a builder with the defaults (64 px, width 32, 32 Gram channels, 128 hidden, dropout 0.2) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of features after Gram pooling */
    public int pooledFeatures() {
        return gramChannels * gramChannels + gramChannels;
    }

    /** @return the network configuration (not initialised) */
    public MultiLayerConfiguration conf() {
        CNN2DFormat format = Layouts.format(common.layout());
        ListBuilder list = NetworkDefaults.configuration(common, true)
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        convBlock(list, width, 3, format);
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .dataFormat(format).build());
        convBlock(list, 2 * width, 3, format);
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .dataFormat(format).build());
        convBlock(list, 2 * width, 3, format);
        convBlock(list, gramChannels, 1, format);
        list.layer(new GramPooling(format))
                .layer(new BatchNormalization.Builder().nOut(pooledFeatures()).build())
                .layer(new GemmDense(new DenseLayer.Builder().nOut(hidden).activation(Activation.RELU)));
        if (dropout > 0) {
            list.layer(new DropoutLayer.Builder(1.0 - dropout).build());
        }
        return list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(numClasses)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build())
                .setInputType(Layouts.rgb(inputSide, common.layout()))
                .build();
    }

    private static void convBlock(ListBuilder list, int channels, int kernel, CNN2DFormat format) {
        list.layer(new ConvolutionLayer.Builder(kernel, kernel).nOut(channels).hasBias(false).dataFormat(format)
                        .activation(Activation.IDENTITY).build())
                .layer(new BatchNormRelu(new BatchNormalization.Builder().dataFormat(format), true));
    }

    /** @return a new, initialised network */
    public MultiLayerNetwork init() {
        MultiLayerNetwork net = new MultiLayerNetwork(conf());
        net.init();
        return net;
    }

    /** Builder for {@link StyleNet}; setters validate, naming the field. */
    public static final class Builder extends ClassifierBuilder<Builder> {
        private int width = 32;
        private int gramChannels = 32;
        private int hidden = 128;

        private Builder() {
            super(TensorLayout.NCHW, 64);
        }

        /** @param w channels of the first convolution, at least 1 (default 32) @return this */
        public Builder width(int w) {
            if (w < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + w);
            }
            this.width = w;
            return this;
        }

        /** @param g channels entering the Gram pooling, at least 1 (default 32) @return this */
        public Builder gramChannels(int g) {
            if (g < 1) {
                throw new IllegalArgumentException("gramChannels must be >= 1, got " + g);
            }
            this.gramChannels = g;
            return this;
        }

        /** @param h units of the hidden dense layer, at least 1 (default 128) @return this */
        public Builder hidden(int h) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden must be >= 1, got " + h);
            }
            this.hidden = h;
            return this;
        }

        /** @return the model definition @throws IllegalStateException if numClasses was not set */
        public StyleNet build() {
            requireNumClasses();
            return new StyleNet(this);
        }
    }
}
