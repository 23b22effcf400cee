package io.github.wikiart.models.layers;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The computation of {@link CachedDeconvolution2D}: a training forward pass keeps a copy of its
 * pre-activation output in the network's forward-pass cache workspace (the activation function
 * then works in place on the original), and the next backward pass uses it instead of computing
 * the transposed convolution again. The copy is dropped after that backward pass and at every
 * forward pass.
 */
public class CachedDeconvolution2DImpl extends Deconvolution2DLayer {
    private static final long serialVersionUID = 1L;

    private transient INDArray cached;

    /**
     * @param conf the layer's configuration
     * @param dataType the network's data type
     */
    public CachedDeconvolution2DImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        cached = null;
        return super.activate(training, workspaceMgr);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (forBackprop && cached != null) {
            return new Pair<>(cached, null);
        }
        Pair<INDArray, INDArray> out = super.preOutput(training, forBackprop, workspaceMgr);
        if (training && !forBackprop && cacheMode != null && cacheMode != CacheMode.NONE
                && workspaceMgr.hasConfiguration(ArrayType.FF_CACHE) && workspaceMgr.isWorkspaceOpen(ArrayType.FF_CACHE)) {
            try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.FF_CACHE)) {
                cached = out.getFirst().unsafeDuplication();
            }
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        try {
            return super.backpropGradient(epsilon, workspaceMgr);
        } finally {
            cached = null;
        }
    }

    @Override
    public void clear() {
        super.clear();
        cached = null;
    }
}
