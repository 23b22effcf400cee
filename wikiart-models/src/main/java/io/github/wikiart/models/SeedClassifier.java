package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.layers.GemmDense;
import io.github.wikiart.models.layers.InputConvolution;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The original project's style classifier ({@code WikiArtModel}), layer for layer:
 * Conv(3 -> 1, kernel 4, padding 2) -> MaxPool(kernel 4, stride 4, padding 2) -> flatten ->
 * BatchNorm over the features -> Dense(300) -> Dropout(0.2) -> ReLU -> Dense(classes) -> softmax
 * with negative log-likelihood. At 416 px the pooled map is 1 x 105 x 105 = 11025 features.
 * Kept for comparison: its own authors found it barely above the majority class.
 *
 * <p>Differences from PyTorch that do not change the function: DL4J counts the batch norm's
 * running mean and variance as parameters, and its dropout argument is the retain probability
 * (this class takes the drop probability, as the original's config did). The first convolution
 * is an {@link io.github.wikiart.models.layers.InputConvolution}, which computes no gradient for
 * the image (three times faster training), so {@code MultiLayerNetwork.backpropGradient} returns
 * no input gradient for this network.
 */
public final class SeedClassifier {
    /** Name of this model in configs ({@code classifier.model: seed}). */
    public static final String NAME = "seed";

    private final int inputSide;
    private final int numClasses;
    private final double dropout;
    private final NetworkSettings common;

    private SeedClassifier(Builder b) {
        this.inputSide = b.inputSide;
        this.numClasses = b.numClasses;
        this.dropout = b.dropout;
        this.common = b.settings();
    }

    /** @return a builder with the original's defaults (416 px, dropout 0.2, Adam 0.001, seed 1) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the side of the pooled feature map: 105 at 416 px */
    public int pooledSide() {
        int conv = inputSide + 2 * 2 - 4 + 1;
        return (conv + 2 * 2 - 4) / 4 + 1;
    }

    /** @return the network configuration (not initialised) */
    public MultiLayerConfiguration conf() {
        int features = pooledSide() * pooledSide();
        return NetworkDefaults.configuration(common, true)
                .weightInit(WeightInit.XAVIER)
                .list()
                // The first layer needs no input gradient: InputConvolution skips it (same function).
                .layer(new InputConvolution(new ConvolutionLayer.Builder(4, 4).stride(1, 1).padding(2, 2).nOut(1)
                        .dataFormat(Layouts.format(common.layout())).activation(Activation.IDENTITY)))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(4, 4).stride(4, 4)
                        .padding(2, 2).dataFormat(Layouts.format(common.layout())).build())
                .layer(new BatchNormalization.Builder().nOut(features).build())
                .layer(new GemmDense(new DenseLayer.Builder().nOut(300).activation(Activation.IDENTITY)))
                .layer(new DropoutLayer.Builder(1.0 - dropout).build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD).nOut(numClasses)
                        .activation(Activation.SOFTMAX).build())
                // Batch norm over the 11025 flattened features, as PyTorch's BatchNorm1d; without the
                // explicit preprocessor DL4J would normalise the single channel of the 2D map instead.
                .inputPreProcessor(2, new CnnToFeedForwardPreProcessor(pooledSide(), pooledSide(), 1,
                        Layouts.format(common.layout())))
                .setInputType(Layouts.rgb(inputSide, common.layout()))
                .build();
    }

    /** @return a new, initialised network */
    public MultiLayerNetwork init() {
        MultiLayerNetwork net = new MultiLayerNetwork(conf());
        net.init();
        return net;
    }

    /** Builder for {@link SeedClassifier}; setters validate, naming the field. */
    public static final class Builder extends ClassifierBuilder<Builder> {
        private Builder() {
            super(TensorLayout.NCHW, 416);
        }

        /** @return the model definition @throws IllegalStateException if numClasses was not set */
        public SeedClassifier build() {
            requireNumClasses();
            return new SeedClassifier(this);
        }
    }
}
