package io.github.wikiart.bench.pytorch;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.wikiart.bench.StepPlan;
import java.util.Arrays;
import java.util.Objects;

/**
 * Times training and inference steps of a DJL block (PyTorch engine, CPU) on one fixed random
 * batch, the peer measurement for the Deeplearning4j networks.
 *
 * <p>A training step is what {@code EasyTrain.trainBatch} followed by {@code trainer.step()} does:
 * forward in training mode, loss, backward, Adam update (learning rate 0.001). An inference step
 * is a forward pass in inference mode. Each step's arrays live in a sub-manager closed at the end
 * of the step, so memory does not grow with the number of steps.
 */
public final class PeerBenchmark {
    private PeerBenchmark() {
    }

    /**
     * Throughputs of the timed repetitions, one value per repetition.
     *
     * @param trainImagesPerSecond images per second of each timed training step
     * @param inferImagesPerSecond images per second of each timed inference step
     */
    public record Result(double[] trainImagesPerSecond, double[] inferImagesPerSecond) {
        /** Copies the arrays; both must be non-empty. */
        public Result {
            Objects.requireNonNull(trainImagesPerSecond, "trainImagesPerSecond");
            Objects.requireNonNull(inferImagesPerSecond, "inferImagesPerSecond");
            if (trainImagesPerSecond.length == 0 || inferImagesPerSecond.length == 0) {
                throw new IllegalArgumentException("need at least one repetition");
            }
            trainImagesPerSecond = trainImagesPerSecond.clone();
            inferImagesPerSecond = inferImagesPerSecond.clone();
        }

        /** @return a copy of the training throughputs (images/s) */
        @Override
        public double[] trainImagesPerSecond() {
            return trainImagesPerSecond.clone();
        }

        /** @return a copy of the inference throughputs (images/s) */
        @Override
        public double[] inferImagesPerSecond() {
            return inferImagesPerSecond.clone();
        }

        /** @return median training throughput (images/s) */
        public double trainMedian() {
            return median(trainImagesPerSecond);
        }

        /** @return slowest training repetition (images/s) */
        public double trainMin() {
            return Arrays.stream(trainImagesPerSecond).min().orElseThrow();
        }

        /** @return fastest training repetition (images/s) */
        public double trainMax() {
            return Arrays.stream(trainImagesPerSecond).max().orElseThrow();
        }

        /** @return median inference throughput (images/s) */
        public double inferMedian() {
            return median(inferImagesPerSecond);
        }

        /** @return slowest inference repetition (images/s) */
        public double inferMin() {
            return Arrays.stream(inferImagesPerSecond).min().orElseThrow();
        }

        /** @return fastest inference repetition (images/s) */
        public double inferMax() {
            return Arrays.stream(inferImagesPerSecond).max().orElseThrow();
        }

        private static double median(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            int n = v.length;
            return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        }
    }

    /**
     * Measures a block. The block is initialised here (it must not have been initialised before)
     * and its model is closed at the end.
     *
     * @param block the network, e.g. from {@link PyTorchNetworks}
     * @param inputShape the batch shape {@code [n, 3, side, side]}; {@code n} is the batch size
     * @param classesOrZeroForReconstruction number of classes (softmax cross-entropy on the logits
     *        against random labels), or 0 for a reconstruction network (L2 loss against the input)
     * @param plan warm-up and timed steps (for training and again for inference)
     * @return one throughput per timed step, training and inference
     */
    public static Result measure(Block block, Shape inputShape, int classesOrZeroForReconstruction,
                                 StepPlan plan) {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(inputShape, "inputShape");
        if (inputShape.dimension() < 1 || inputShape.get(0) < 1) {
            throw new IllegalArgumentException("inputShape needs a positive batch size, got " + inputShape);
        }
        if (classesOrZeroForReconstruction < 0 || classesOrZeroForReconstruction == 1) {
            throw new IllegalArgumentException("classes must be 0 (reconstruction) or >= 2, got "
                    + classesOrZeroForReconstruction);
        }
        Objects.requireNonNull(plan, "plan");
        long batch = inputShape.get(0);
        boolean classify = classesOrZeroForReconstruction > 0;
        Loss loss = classify ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                .optDevices(new Device[] {Device.cpu()});
        try (Model model = Model.newInstance("peer", Device.cpu())) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                NDManager manager = trainer.getManager();
                NDArray x = manager.randomUniform(0f, 1f, inputShape, DataType.FLOAT32);
                NDArray y = classify
                        ? manager.randomInteger(0, classesOrZeroForReconstruction, new Shape(batch), DataType.INT32)
                                .toType(DataType.FLOAT32, false)
                        : x;
                double[] train = plan.imagesPerSecond(batch, () -> trainStep(trainer, x, y));
                double[] infer = plan.imagesPerSecond(batch, () -> inferStep(trainer, x));
                return new Result(train, infer);
            }
        }
    }

    /** One training step; every array it creates is closed before it returns. */
    private static void trainStep(Trainer trainer, NDArray x, NDArray y) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            x.tempAttach(step);
            if (y != x) {
                y.tempAttach(step);
            }
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray lossValue = trainer.getLoss().evaluate(new NDList(y), predictions);
                collector.backward(lossValue);
            }
            trainer.step();
        }
    }

    /** One inference step; its output is closed before it returns. */
    private static void inferStep(Trainer trainer, NDArray x) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            x.tempAttach(step);
            trainer.evaluate(new NDList(x));
        }
    }
}
