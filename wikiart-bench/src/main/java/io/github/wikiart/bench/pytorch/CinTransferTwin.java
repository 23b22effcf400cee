package io.github.wikiart.bench.pytorch;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.PairList;
import io.github.wikiart.bench.StepPlan;

/**
 * The label-conditioned style-transfer training step ({@code CinTransferNet} trained as
 * {@code CinTransferTrainer.trainingGraph} builds it) rebuilt in PyTorch through DJL, as the peer
 * for timing the SameDiff version. NCHW float32.
 *
 * <p>Network ({@link Network}; inputs images {@code [n, 3, s, s]} in [0, 1] and one-hot styles
 * {@code [n, styles]}): conv 3x3 (w) - CIN - ReLU, conv 3x3 stride 2 (2w) - CIN - ReLU, two residual
 * blocks (conv - CIN - ReLU - conv - CIN, plus the input), transposed conv 3x3 stride 2 to w
 * channels ({@link TransposedConv2d#doublingAsDl4j}) - CIN - ReLU, conv 3x3 to RGB, sigmoid;
 * convolutions padded as SameDiff's SAME mode ({@link #sameConv3}). Conditional
 * instance normalisation normalises each sample's channels over height and width (epsilon 1e-5)
 * and scales and shifts them by the gamma and beta of its style, picked from per-style tables by a
 * one-hot matrix product.
 *
 * <p>Loss ({@link LossFunction}): {@code styleWeight * sum_l MSE(Gram_l(output), target_l[style])
 * + contentWeight * MSE(phi_1(output), phi_1(input))}, where {@code phi} are three fixed random
 * ReLU convolutions 3x3 (3 -> 32 stride 1, 32 -> 64 stride 2, 64 -> 64 stride 2) of the image minus
 * 0.5, {@code Gram = F F^T / (c h w)}, and the targets are rows of random {@code [styles, c*c]}
 * tables picked by the one-hot styles. The step is forward, loss, backward and an Adam update
 * (learning rate 0.001) through a DJL {@link Trainer}, as {@link PeerBenchmark} does.
 *
 * <p>Parameter initialisation is DJL's Xavier for the convolutions (gamma 1, beta 0), not the DL4J
 * network's He initialisation: it does not change the cost of a step.
 */
public final class CinTransferTwin {
    /** Image side of the benchmark. */
    public static final int SIDE = 64;
    /** Number of styles of the benchmark. */
    public static final int STYLES = 6;
    /** Channels of the first layer (the benchmark's width). */
    public static final int WIDTH = 16;
    /** Weight of the style loss (the benchmark's). */
    public static final float STYLE_WEIGHT = 1e6f;
    /** Weight of the content loss (the benchmark's). */
    public static final float CONTENT_WEIGHT = 5f;
    /** Adam's learning rate. */
    public static final float LEARNING_RATE = 1e-3f;
    /** Channels of the three loss-feature layers. */
    static final int[] FEATURE_CHANNELS = {32, 64, 64};
    /** Index of the feature layer of the content loss. */
    static final int CONTENT_LAYER = 1;
    private static final float EPSILON = 1e-5f;
    private static final float TARGET_SCALE = 1e-2f;

    private CinTransferTwin() {
    }

    /** The transfer network as a DJL block with two inputs: images and one-hot styles. */
    public static final class Network extends AbstractBlock {
        private static final String[] CONVS = {"c1", "c2", "r1a", "r1b", "r2a", "r2b", "out"};
        private static final String[] NORMS = {"c1", "c2", "r1a", "r1b", "r2a", "r2b", "u1"};
        private final int numStyles;
        private final int width;
        private final Parameter[] convWeights = new Parameter[CONVS.length];
        private final Parameter[] convBiases = new Parameter[CONVS.length];
        private final Parameter[] gammas = new Parameter[NORMS.length];
        private final Parameter[] betas = new Parameter[NORMS.length];
        private final TransposedConv2d up;

        /**
         * @param numStyles number of styles, at least 2
         * @param width channels of the first layer, at least 1
         */
        public Network(int numStyles, int width) {
            if (numStyles < 2 || width < 1) {
                throw new IllegalArgumentException("need >= 2 styles and width >= 1, got " + numStyles + ", " + width);
            }
            this.numStyles = numStyles;
            this.width = width;
            long w = width;
            long[][] inOut = {{3, w}, {w, 2 * w}, {2 * w, 2 * w}, {2 * w, 2 * w}, {2 * w, 2 * w}, {2 * w, 2 * w},
                {w, 3}};
            for (int i = 0; i < CONVS.length; i++) {
                convWeights[i] = addParameter(Parameter.builder().setName(CONVS[i] + "_W")
                        .setType(Parameter.Type.WEIGHT).optShape(new Shape(inOut[i][1], inOut[i][0], 3, 3)).build());
                convBiases[i] = addParameter(Parameter.builder().setName(CONVS[i] + "_b")
                        .setType(Parameter.Type.BIAS).optShape(new Shape(inOut[i][1])).build());
            }
            long[] channels = {w, 2 * w, 2 * w, 2 * w, 2 * w, 2 * w, w};
            for (int i = 0; i < NORMS.length; i++) {
                gammas[i] = addParameter(Parameter.builder().setName(NORMS[i] + "_gamma")
                        .setType(Parameter.Type.GAMMA).optShape(new Shape(numStyles, channels[i])).build());
                betas[i] = addParameter(Parameter.builder().setName(NORMS[i] + "_beta")
                        .setType(Parameter.Type.BETA).optShape(new Shape(numStyles, channels[i])).build());
            }
            this.up = addChildBlock("u1", TransposedConv2d.doublingAsDl4j(width));
            setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            up.initialize(manager, dataType, new Shape(x.get(0), 2L * width, (x.get(2) + 1) / 2, (x.get(3) + 1) / 2));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape x = inputShapes[0];
            return new Shape[] {new Shape(x.get(0), 3, x.get(2), x.get(3))};
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray x = inputs.get(0);
            NDArray styles = inputs.get(1);
            if (styles.getShape().get(1) != numStyles) {
                throw new IllegalArgumentException("expected " + numStyles + " styles, got " + styles.getShape());
            }
            Device d = x.getDevice();
            NDArray h = block(store, d, training, conv(store, d, training, x, 0, 1), styles, 0, true);
            h = block(store, d, training, conv(store, d, training, h, 1, 2), styles, 1, true);
            for (int r = 0; r < 2; r++) {
                NDArray a = block(store, d, training, conv(store, d, training, h, 2 + 2 * r, 1), styles, 2 + 2 * r,
                        true);
                NDArray b = block(store, d, training, conv(store, d, training, a, 3 + 2 * r, 1), styles, 3 + 2 * r,
                        false);
                h = h.add(b);
            }
            NDArray u = up.forward(store, new NDList(h), training).singletonOrThrow();
            h = block(store, d, training, u, styles, 6, true);
            return new NDList(Activation.sigmoid(conv(store, d, training, h, 6, 1)));
        }

        private NDArray conv(ParameterStore store, Device d, boolean training, NDArray x, int i, int stride) {
            return sameConv3(x, store.getValue(convWeights[i], d, training), store.getValue(convBiases[i], d, training),
                    stride);
        }

        private NDArray block(ParameterStore store, Device d, boolean training, NDArray x, NDArray styles, int i,
                              boolean relu) {
            NDArray n = cin(x, styles, store.getValue(gammas[i], d, training), store.getValue(betas[i], d, training));
            return relu ? Activation.relu(n) : n;
        }
    }

    /**
     * A 3x3 convolution with SameDiff's SAME padding (of even sides): one zero row and column on
     * each side at stride 1; at stride 2 one only after the end (libnd4j puts the smaller half of the
     * padding first), where PyTorch's {@code padding=1} would pad both sides and shift the sampling
     * grid by one pixel.
     *
     * @param x {@code [n, c, h, w]}
     * @param w {@code [out, c, 3, 3]}
     * @param b {@code [out]}
     * @param stride 1 or 2
     * @return {@code [n, out, h / stride, w / stride]}
     */
    static NDArray sameConv3(NDArray x, NDArray w, NDArray b, int stride) {
        if (stride == 1) {
            return Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
        }
        return Conv2d.conv2d(TransposedConv2d.padBottomRight(x), w, b, new Shape(stride, stride), new Shape(0, 0))
                .singletonOrThrow();
    }

    /**
     * Conditional instance normalisation of NCHW activations.
     *
     * @param x {@code [n, c, h, w]}
     * @param styles one-hot styles {@code [n, styles]}
     * @param gammaTable {@code [styles, c]}
     * @param betaTable {@code [styles, c]}
     * @return the normalised, scaled and shifted activations
     */
    static NDArray cin(NDArray x, NDArray styles, NDArray gammaTable, NDArray betaTable) {
        Shape shape = x.getShape();
        long c = shape.get(1);
        // DJL's PyTorch mean reduces one axis at a time: flatten the spatial axes.
        NDArray flat = x.reshape(shape.get(0), c, shape.get(2) * shape.get(3));
        NDArray mean = flat.mean(new int[] {2}, true);
        NDArray centred = flat.sub(mean);
        NDArray var = centred.mul(centred).mean(new int[] {2}, true);
        NDArray normalised = centred.div(var.add(EPSILON).sqrt()).reshape(shape);
        NDArray gamma = styles.matMul(gammaTable).reshape(-1, c, 1, 1);
        NDArray beta = styles.matMul(betaTable).reshape(-1, c, 1, 1);
        return normalised.mul(gamma).add(beta);
    }

    /** The style and content loss with its fixed random features and target tables. */
    public static final class LossFunction {
        private final NDArray[] weights = new NDArray[3];
        private final NDArray[] biases = new NDArray[3];
        private final NDArray[] tables = new NDArray[3];
        private final float styleWeight;
        private final float contentWeight;

        /**
         * Creates the constants (He-normal feature weights, zero biases, uniform [0, 0.01) target
         * tables) in a manager, which owns them.
         *
         * @param manager owner of the constants
         * @param numStyles number of styles
         * @param styleWeight weight of the style loss
         * @param contentWeight weight of the content loss
         */
        public LossFunction(NDManager manager, int numStyles, float styleWeight, float contentWeight) {
            this(manager, numStyles, styleWeight, contentWeight, null, null);
        }

        /**
         * The loss with given constants (the DL4J graph's, for the twin check).
         *
         * @param manager owner of the constants
         * @param numStyles number of styles
         * @param styleWeight weight of the style loss
         * @param contentWeight weight of the content loss
         * @param featureWeights the three feature layers' weights {@code [c, in, 3, 3]}, or null for random
         * @param targetTables the three {@code [styles, c*c]} target tables, or null for random
         */
        LossFunction(NDManager manager, int numStyles, float styleWeight, float contentWeight, float[][] featureWeights,
                float[][] targetTables) {
            long in = 3;
            for (int i = 0; i < 3; i++) {
                long c = FEATURE_CHANNELS[i];
                weights[i] = featureWeights == null
                        ? manager.randomNormal(0f, (float) Math.sqrt(2.0 / (9 * in)), new Shape(c, in, 3, 3),
                                DataType.FLOAT32)
                        : manager.create(featureWeights[i], new Shape(c, in, 3, 3));
                biases[i] = manager.zeros(new Shape(c), DataType.FLOAT32);
                tables[i] = targetTables == null
                        ? manager.randomUniform(0f, 1f, new Shape(numStyles, c * c), DataType.FLOAT32)
                                .mul(TARGET_SCALE)
                        : manager.create(targetTables[i], new Shape(numStyles, c * c));
                in = c;
            }
            this.styleWeight = styleWeight;
            this.contentWeight = contentWeight;
        }

        /**
         * The three feature activations of images.
         *
         * @param images {@code [n, 3, s, s]} in [0, 1]
         * @return {@code [n, 32, s, s]}, {@code [n, 64, s/2, s/2]}, {@code [n, 64, s/4, s/4]}
         */
        NDArray[] features(NDArray images) {
            NDArray x = images.sub(0.5f);
            NDArray[] out = new NDArray[3];
            for (int i = 0; i < 3; i++) {
                int stride = i == 0 ? 1 : 2;
                x = Activation.relu(sameConv3(x, weights[i], biases[i], stride));
                out[i] = x;
            }
            return out;
        }

        /**
         * The total loss.
         *
         * @param output the network's output {@code [n, 3, s, s]}
         * @param input the network's input images
         * @param styles the one-hot styles {@code [n, styles]}
         * @return the scalar loss
         */
        public NDArray evaluate(NDArray output, NDArray input, NDArray styles) {
            NDArray[] fOut = features(output);
            NDArray[] fIn = features(input);
            NDArray style = null;
            for (int l = 0; l < 3; l++) {
                Shape s = fOut[l].getShape();
                long n = s.get(0);
                long c = s.get(1);
                long hw = s.get(2) * s.get(3);
                NDArray f = fOut[l].reshape(n, c, hw);
                NDArray gram = f.batchMatMul(f.transpose(0, 2, 1)).div((float) (c * hw));
                NDArray target = styles.matMul(tables[l]).reshape(n, c, c);
                NDArray mse = mse(gram, target);
                style = style == null ? mse : style.add(mse);
            }
            NDArray content = mse(fOut[CONTENT_LAYER], fIn[CONTENT_LAYER]);
            return style.mul(styleWeight).add(content.mul(contentWeight));
        }

        private static NDArray mse(NDArray a, NDArray b) {
            NDArray d = a.sub(b);
            return d.mul(d).mean();
        }
    }

    /**
     * A network, its trainer (Adam, learning rate 0.001) and its loss, for one image side and
     * number of styles. Closing it closes the model and every array it made.
     */
    public static final class Session implements AutoCloseable {
        private final Model model;
        private final Trainer trainer;
        private final LossFunction loss;

        /**
         * @param batch batch size (for initialisation shapes)
         * @param side image side, even and at least 4
         * @param numStyles number of styles
         * @param width channels of the first layer
         */
        public Session(int batch, int side, int numStyles, int width) {
            this(batch, side, numStyles, width, m -> new LossFunction(m, numStyles, STYLE_WEIGHT, CONTENT_WEIGHT));
        }

        /**
         * A session whose loss is made by {@code loss} (for the twin check's given constants).
         *
         * @param batch batch size (for initialisation shapes)
         * @param side image side, even and at least 4
         * @param numStyles number of styles
         * @param width channels of the first layer
         * @param loss makes the loss in the trainer's manager
         */
        Session(int batch, int side, int numStyles, int width, java.util.function.Function<NDManager, LossFunction> loss) {
            if (side % 2 != 0 || side < 4) {
                throw new IllegalArgumentException("side must be even and >= 4, got " + side);
            }
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be >= 1, got " + batch);
            }
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(LEARNING_RATE)).build())
                    .optDevices(new Device[] {Device.cpu()});
            Model m = Model.newInstance("cin-transfer", Device.cpu());
            try {
                m.setBlock(new Network(numStyles, width));
                Trainer t = m.newTrainer(config);
                t.initialize(new Shape(batch, 3, side, side), new Shape(batch, numStyles));
                this.model = m;
                this.trainer = t;
                this.loss = loss.apply(t.getManager());
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
        }

        /** @return the manager of long-lived arrays (inputs may be made here) */
        public NDManager manager() {
            return trainer.getManager();
        }

        /**
         * One training step: forward, loss, backward, Adam update. Every array it makes is closed
         * before it returns.
         *
         * @param images {@code [n, 3, s, s]} in [0, 1]
         * @param styles one-hot {@code [n, styles]}
         * @param wantLoss whether to read the loss back
         * @return the loss before the update, or NaN if not wanted
         */
        public float trainStep(NDArray images, NDArray styles, boolean wantLoss) {
            try (NDManager step = trainer.getManager().newSubManager()) {
                images.tempAttach(step);
                styles.tempAttach(step);
                float value = Float.NaN;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(images, styles)).singletonOrThrow();
                    NDArray l = loss.evaluate(out, images, styles);
                    collector.backward(l);
                    if (wantLoss) {
                        value = l.getFloat();
                    }
                }
                trainer.step();
                return value;
            }
        }

        /**
         * The loss of a batch and its gradient with respect to one parameter, without an update.
         *
         * @param images {@code [n, 3, s, s]} in [0, 1]
         * @param styles one-hot {@code [n, styles]}
         * @param parameter the parameter's name in the network ({@code c1_W}, ...)
         * @return the loss, then the gradient's values
         */
        float[][] lossAndGradient(NDArray images, NDArray styles, String parameter) {
            try (NDManager step = trainer.getManager().newSubManager()) {
                images.tempAttach(step);
                styles.tempAttach(step);
                float value;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray out = trainer.forward(new NDList(images, styles)).singletonOrThrow();
                    NDArray l = loss.evaluate(out, images, styles);
                    collector.backward(l);
                    value = l.getFloat();
                }
                return new float[][] {{value}, parameter(parameter).getGradient().toFloatArray()};
            }
        }

        /**
         * @param name a parameter's name ({@code c1_W}, {@code c1_gamma}, {@code u1_weight}, ...)
         * @return its array
         */
        NDArray parameter(String name) {
            for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : model.getBlock().getParameters()) {
                if (p.getKey().equals(name)) {
                    return p.getValue().getArray();
                }
            }
            throw new IllegalArgumentException("the twin has no parameter " + name);
        }

        /** @return the names of the network's parameters, in order */
        java.util.List<String> parameterNames() {
            return model.getBlock().getParameters().keys();
        }

        /**
         * The network's forward pass in inference mode.
         *
         * @param images {@code [n, 3, s, s]}
         * @param styles one-hot {@code [n, styles]}
         * @param manager the manager to own the output
         * @return the output {@code [n, 3, s, s]}, attached to {@code manager}
         */
        public NDArray infer(NDArray images, NDArray styles, NDManager manager) {
            try (NDManager step = trainer.getManager().newSubManager()) {
                images.tempAttach(step);
                styles.tempAttach(step);
                NDArray out = trainer.evaluate(new NDList(images, styles)).singletonOrThrow();
                if (manager != null) {
                    out.attach(manager);
                }
                return out;
            }
        }

        @Override
        public void close() {
            try {
                trainer.close();
            } finally {
                model.close();
            }
        }
    }

    /**
     * One-hot styles {@code i mod numStyles} for a batch.
     *
     * @param manager owner
     * @param batch batch size
     * @param numStyles number of styles
     * @return {@code [batch, numStyles]} float32
     */
    static NDArray oneHot(NDManager manager, int batch, int numStyles) {
        float[] v = new float[batch * numStyles];
        for (int i = 0; i < batch; i++) {
            v[i * numStyles + i % numStyles] = 1f;
        }
        return manager.create(v, new Shape(batch, numStyles));
    }

    /**
     * Measures the benchmark configuration: side {@value #SIDE}, {@value #STYLES} styles, width
     * {@value #WIDTH}.
     *
     * @param batch images per step, at least 1
     * @param plan warm-up and timed steps
     * @return train images/s (full step) and infer images/s (network forward), per repetition
     */
    public static PeerBenchmark.Result measure(int batch, StepPlan plan) {
        return measure(batch, SIDE, plan);
    }

    /**
     * Measures at another image side ({@value #STYLES} styles, width {@value #WIDTH}).
     *
     * @param batch images per step, at least 1
     * @param side image side, even and at least 4
     * @param plan warm-up and timed steps
     * @return train and infer images/s per repetition
     */
    public static PeerBenchmark.Result measure(int batch, int side, StepPlan plan) {
        Engine.getInstance().setRandomSeed(1);
        try (Session session = new Session(batch, side, STYLES, WIDTH)) {
            NDManager manager = session.manager();
            NDArray x = manager.randomUniform(0f, 1f, new Shape(batch, 3, side, side), DataType.FLOAT32);
            NDArray s = oneHot(manager, batch, STYLES);
            double[] train = plan.imagesPerSecond(batch, () -> session.trainStep(x, s, false));
            double[] infer = plan.imagesPerSecond(batch, () -> session.infer(x, s, null));
            return new PeerBenchmark.Result(train, infer);
        }
    }
}
