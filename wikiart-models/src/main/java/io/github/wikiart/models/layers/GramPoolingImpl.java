package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The computation of {@link GramPooling}. Forward: {@code G = F F^T / n} with F the
 * {@code [b, c, n]} activations ({@code n = h w}) and {@code m = mean(F)} over n. Backward:
 * {@code dF = (dG + dG^T) F / n + dm / n}.
 */
public class GramPoolingImpl extends ParameterFreeLayerImpl<GramPooling> {
    private static final long serialVersionUID = 1L;

    /**
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public GramPoolingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean nhwc() {
        return layerConf().getFormat() == CNN2DFormat.NHWC;
    }

    /** The input as {@code [b, c, n]} (a view or copy). */
    private INDArray features(INDArray x) {
        long b = x.size(0);
        if (nhwc()) {
            long n = x.size(1) * x.size(2);
            return x.dup('c').reshape('c', b, n, x.size(3)).permute(0, 2, 1);
        }
        return x.dup('c').reshape('c', b, x.size(1), x.size(2) * x.size(3));
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray f = features(input);
        long b = f.size(0);
        long c = f.size(1);
        long n = f.size(2);
        INDArray gram = Nd4j.matmul(f, f, false, true, false).divi(n);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), new long[] {b, c * c + c},
                'c');
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c * c)).assign(gram.reshape('c', b, c * c));
        out.get(NDArrayIndex.all(), NDArrayIndex.interval(c * c, c * c + c)).assign(f.mean(2));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray f = features(input);
        long b = f.size(0);
        long c = f.size(1);
        long n = f.size(2);
        INDArray dGram = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c * c)).dup('c').reshape('c', b, c, c);
        INDArray dMean = epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(c * c, c * c + c)).dup('c');
        INDArray symmetric = dGram.add(dGram.permute(0, 2, 1));
        INDArray df = Nd4j.matmul(symmetric, f, false, false, false);
        // dm[b, c] added along n by a broadcast op: a tiled copy of dm costs 8x more here.
        Nd4j.getExecutioner().exec(new BroadcastAddOp(df, dMean, df, 0, 1));
        df.divi(n);
        INDArray epsOut;
        if (nhwc()) {
            epsOut = df.permute(0, 2, 1).dup('c').reshape('c', input.shape());
        } else {
            epsOut = df.reshape('c', input.shape());
        }
        return new Pair<>(new DefaultGradient(), workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsOut, 'c'));
    }

    @Override
    public Layer.Type type() {
        return Layer.Type.SUBSAMPLING;
    }
}
