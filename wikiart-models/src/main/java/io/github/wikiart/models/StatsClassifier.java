package io.github.wikiart.models;

import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.layers.GemmDense;
import io.github.wikiart.models.layers.ImageStatistics;
import io.github.wikiart.models.layers.StatisticsFeatures;
import io.github.wikiart.models.layers.StatisticsFeatures.Group;
import java.util.EnumSet;
import java.util.Set;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A style classifier of a different kind from the convolutional ones: fixed, hand-designed colour
 * and texture statistics of the image ({@link ImageStatistics}, no learned convolutions), then a
 * small learned head: batch norm over the statistics, one dense layer of {@code hidden} units with
 * ReLU, dropout, and a softmax output with cross-entropy. Built to judge style transfer with
 * features that share nothing with a transfer network's loss.
 */
public final class StatsClassifier {
    /** Name of this model in configs ({@code classifier.model: stats}). */
    public static final String NAME = "stats";

    private final int inputSide;
    private final int numClasses;
    private final int hidden;
    private final double dropout;
    private final Set<Group> groups;
    private final NetworkSettings common;

    private StatsClassifier(Builder b) {
        this.inputSide = b.inputSide;
        this.numClasses = b.numClasses;
        this.hidden = b.hidden;
        this.dropout = b.dropout;
        this.groups = EnumSet.copyOf(b.groups);
        this.common = b.settings();
    }

    /** @return a builder with the defaults (64 px, every feature group, 128 hidden units, dropout 0.2) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of statistics per image */
    public int features() {
        return StatisticsFeatures.count(groups);
    }

    /** @return the network configuration (not initialised) */
    public MultiLayerConfiguration conf() {
        ListBuilder list = NetworkDefaults.configuration(common, true)
                .weightInit(WeightInit.RELU)
                .list()
                .layer(new ImageStatistics(Layouts.format(common.layout()), groups));
        return head(list).setInputType(Layouts.rgb(inputSide, common.layout())).build();
    }

    /**
     * The learned part alone, taking the {@link #features()} statistics of an image as its input:
     * the same layers, initial weights and training as in {@link #conf()} after the first layer
     * (which has no parameters). For studies that compute the statistics once and train many heads.
     *
     * @return the head's configuration (not initialised)
     */
    public MultiLayerConfiguration headConf() {
        ListBuilder list = NetworkDefaults.configuration(common, true).weightInit(WeightInit.RELU).list();
        return head(list).setInputType(InputType.feedForward(features())).build();
    }

    private ListBuilder head(ListBuilder list) {
        list.layer(new BatchNormalization.Builder().nOut(features()).build())
                .layer(new GemmDense(new DenseLayer.Builder().nOut(hidden).activation(Activation.RELU)));
        if (dropout > 0) {
            list.layer(new DropoutLayer.Builder(1.0 - dropout).build());
        }
        return list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(numClasses)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
    }

    /** @return a new, initialised network */
    public MultiLayerNetwork init() {
        MultiLayerNetwork net = new MultiLayerNetwork(conf());
        net.init();
        return net;
    }

    /** Builder for {@link StatsClassifier}; setters validate, naming the field. */
    public static final class Builder extends ClassifierBuilder<Builder> {
        private int hidden = 128;
        private Set<Group> groups = EnumSet.allOf(Group.class);

        private Builder() {
            super(TensorLayout.NCHW, 64);
        }

        /** @param h units of the hidden dense layer, at least 1 (default 128) @return this */
        public Builder hidden(int h) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden must be >= 1, got " + h);
            }
            this.hidden = h;
            return this;
        }

        /** @param g the feature groups, at least one (default all) @return this */
        public Builder groups(Set<Group> g) {
            if (g == null || g.isEmpty()) {
                throw new IllegalArgumentException("groups must name at least one feature group, got " + g);
            }
            this.groups = EnumSet.copyOf(g);
            return this;
        }

        /** @return the model definition @throws IllegalStateException if numClasses was not set */
        public StatsClassifier build() {
            requireNumClasses();
            return new StatsClassifier(this);
        }
    }
}
