package io.github.wikiart.models.layers;

import io.github.wikiart.models.layers.BatchNormKernels.Geometry;
import io.github.wikiart.models.layers.BatchNormKernels.Statistics;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The computation of {@link BatchNormRelu} ({@link BatchNormKernels}), in place of DL4J's batch-norm
 * layer and its oneDNN helper. The running statistics are updated as DL4J does: through the
 * "gradients" of the mean and variance (or log10 standard deviation) parameters, which their
 * {@code NoOp} updater subtracts.
 */
public class BatchNormReluImpl extends BatchNormalization {
    private static final long serialVersionUID = 1L;
    private static final double LN_10 = Math.log(10);

    /** The input whose batch statistics {@link #batchStats} holds (identity, not equality). */
    private transient INDArray statsInput;
    private transient Statistics batchStats;

    /**
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public BatchNormReluImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private BatchNormRelu settings() {
        return (BatchNormRelu) layerConf();
    }

    private Geometry geometry(INDArray x) {
        Geometry g = Geometry.of(x, x.rank() == 4 && settings().getCnn2DFormat() == CNN2DFormat.NHWC);
        if (g.channels() != settings().getNOut()) {
            throw new IllegalArgumentException("batch normalisation " + layerId() + " expects " + settings().getNOut()
                    + " channels, got an input of shape " + java.util.Arrays.toString(x.shape()));
        }
        return g;
    }

    /** The input in the network's type, 'c'-ordered and contiguous. */
    private INDArray contiguous(INDArray a) {
        INDArray x = a.castTo(dataType);
        return x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x) ? x : x.dup('c');
    }

    private double[] values(String param, double locked, int channels) {
        if (settings().isLockGammaBeta()) {
            double[] v = new double[channels];
            java.util.Arrays.fill(v, locked);
            return v;
        }
        return getParam(param).castTo(DataType.DOUBLE).toDoubleVector();
    }

    private Statistics runningStatistics() {
        double[] mean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).castTo(DataType.DOUBLE).toDoubleVector();
        double[] variance;
        if (settings().isUseLogStd()) {
            double[] log10Std = getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).castTo(DataType.DOUBLE)
                    .toDoubleVector();
            variance = new double[log10Std.length];
            for (int c = 0; c < variance.length; c++) {
                double std = Math.pow(10, log10Std[c]);
                variance[c] = std * std;
            }
        } else {
            variance = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).castTo(DataType.DOUBLE).toDoubleVector();
        }
        return new Statistics(mean, variance);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray x = contiguous(input);
        Geometry g = geometry(x);
        double[] gamma = values(BatchNormalizationParamInitializer.GAMMA, settings().getGamma(), g.channels());
        double[] beta = values(BatchNormalizationParamInitializer.BETA, settings().getBeta(), g.channels());
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.shape(), 'c');
        if (training) {
            batchStats = BatchNormKernels.forwardTraining(x, g, gamma, beta, settings().getEps(), settings().isRelu(), out);
            statsInput = input;
        } else {
            BatchNormKernels.forwardInference(x, g, runningStatistics(), gamma, beta, settings().getEps(),
                    settings().isRelu(), out);
        }
        return out;
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode training, LayerWorkspaceMgr workspaceMgr) {
        setInput(x, workspaceMgr);
        return activate(training == TrainingMode.TRAIN, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        BatchNormRelu conf = settings();
        INDArray x = contiguous(input);
        Geometry g = geometry(x);
        double[] gamma = values(BatchNormalizationParamInitializer.GAMMA, conf.getGamma(), g.channels());
        double[] beta = values(BatchNormalizationParamInitializer.BETA, conf.getBeta(), g.channels());
        Statistics stats = statsInput == input && batchStats != null ? batchStats
                : BatchNormKernels.forwardTraining(x, g, gamma, beta, conf.getEps(), conf.isRelu(), null);
        INDArray dIn = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
        double[] dGamma = new double[g.channels()];
        double[] dBeta = new double[g.channels()];
        BatchNormKernels.backward(x, contiguous(epsilon), g, stats, gamma, beta, conf.getEps(), conf.isRelu(), dIn,
                dGamma, dBeta);

        Gradient gradient = new DefaultGradient();
        if (!conf.isLockGammaBeta()) {
            gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA,
                    assign(gradientViews.get(BatchNormalizationParamInitializer.GAMMA), dGamma));
            gradient.setGradientFor(BatchNormalizationParamInitializer.BETA,
                    assign(gradientViews.get(BatchNormalizationParamInitializer.BETA), dBeta));
        }
        // The running statistics move as DL4J's: mean[t+1] = mean[t] - (1 - decay) (mean[t] - batch mean),
        // applied by the parameters' NoOp updater as "parameter minus gradient".
        double decay = conf.getDecay();
        Statistics running = runningStatistics();
        double[] dMean = new double[g.channels()];
        double[] dVar = new double[g.channels()];
        for (int c = 0; c < dMean.length; c++) {
            dMean[c] = (1 - decay) * (running.mean()[c] - stats.mean()[c]);
            if (conf.isUseLogStd()) {
                double next = decay * running.variance()[c] + (1 - decay) * stats.variance()[c];
                dVar[c] = Math.log(running.variance()[c] / next) / (2 * LN_10);
            } else {
                dVar[c] = (1 - decay) * (running.variance()[c] - stats.variance()[c]);
            }
        }
        gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN,
                assign(gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN), dMean));
        String varKey = conf.isUseLogStd() ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
                : BatchNormalizationParamInitializer.GLOBAL_VAR;
        gradient.setGradientFor(varKey, assign(gradientViews.get(varKey), dVar));
        statsInput = null;
        batchStats = null;
        return new Pair<>(gradient, dIn);
    }

    private static INDArray assign(INDArray view, double[] values) {
        view.assign(Nd4j.createFromArray(values).castTo(view.dataType()).reshape(view.shape()));
        return view;
    }

    @Override
    public void clear() {
        super.clear();
        statsInput = null;
        batchStats = null;
    }
}
