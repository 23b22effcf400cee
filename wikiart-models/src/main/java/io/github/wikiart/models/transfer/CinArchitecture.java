package io.github.wikiart.models.transfer;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The choices a {@link CinTransferNet} was built with, read back from a built (or trained and
 * loaded) graph, so that the same network can be rebuilt for another image size and given the
 * trained weights ({@link #atSize}): the network is fully convolutional, and only its placeholder
 * and a few reshapes are tied to the training size.
 *
 * @param numStyles number of styles
 * @param width channels of the first layer
 * @param type the weights' data type
 * @param upsample nearest upsampling + convolution instead of a transposed convolution
 * @param residual the output is a change of the input
 * @param colourMap with a per-style colour map
 * @param positionChannels the decoder also sees {@link CinTransferNet#gridPatterns}
 * @param residualBlocks residual blocks at half resolution ({@link CinTransferNet#RESIDUAL_BLOCKS} by default)
 * @param globalContext the decoder's last features are scaled and shifted per image by a small
 *     network of the input's colour statistics and the style ({@link CinTransferNet#globalContext})
 */
public record CinArchitecture(int numStyles, int width, DataType type, boolean upsample, boolean residual,
                              boolean colourMap, boolean positionChannels, int residualBlocks,
                              boolean globalContext) {
    /** Validates. */
    public CinArchitecture {
        if (numStyles < 2 || width < 1) {
            throw new IllegalArgumentException("need >= 2 styles and width >= 1, got " + numStyles + " and " + width);
        }
        if (residualBlocks < 1) {
            throw new IllegalArgumentException("need >= 1 residual block, got " + residualBlocks);
        }
    }

    /**
     * The choices without global context.
     *
     * @param numStyles number of styles
     * @param width channels of the first layer
     * @param type the weights' data type
     * @param upsample nearest upsampling + convolution instead of a transposed convolution
     * @param residual the output is a change of the input
     * @param colourMap with a per-style colour map
     * @param positionChannels the decoder also sees {@link CinTransferNet#gridPatterns}
     * @param residualBlocks residual blocks at half resolution
     */
    public CinArchitecture(int numStyles, int width, DataType type, boolean upsample, boolean residual,
                           boolean colourMap, boolean positionChannels, int residualBlocks) {
        this(numStyles, width, type, upsample, residual, colourMap, positionChannels, residualBlocks, false);
    }

    /**
     * The choices with {@link CinTransferNet#RESIDUAL_BLOCKS} residual blocks.
     *
     * @param numStyles number of styles
     * @param width channels of the first layer
     * @param type the weights' data type
     * @param upsample nearest upsampling + convolution instead of a transposed convolution
     * @param residual the output is a change of the input
     * @param colourMap with a per-style colour map
     * @param positionChannels the decoder also sees {@link CinTransferNet#gridPatterns}
     */
    public CinArchitecture(int numStyles, int width, DataType type, boolean upsample, boolean residual,
                           boolean colourMap, boolean positionChannels) {
        this(numStyles, width, type, upsample, residual, colourMap, positionChannels, CinTransferNet.RESIDUAL_BLOCKS);
    }

    /**
     * The choices without position channels.
     *
     * @param numStyles number of styles
     * @param width channels of the first layer
     * @param type the weights' data type
     * @param upsample nearest upsampling + convolution instead of a transposed convolution
     * @param residual the output is a change of the input
     * @param colourMap with a per-style colour map
     */
    public CinArchitecture(int numStyles, int width, DataType type, boolean upsample, boolean residual,
                           boolean colourMap) {
        this(numStyles, width, type, upsample, residual, colourMap, false);
    }

    /**
     * Reads the choices from a graph that holds a {@link CinTransferNet} (a training graph with its
     * losses too): the width and styles from the first layer's shapes, the upsampling from the
     * shape of {@code u1_W} (a transposed convolution stores its output channels first), the
     * colour map, the position channels and the global context from their weights, the residual blocks by counting
     * their first convolutions ({@code r1a_W}, {@code r2a_W}, ...), and the residual form from what
     * feeds the final sigmoid (the last convolution itself, or a sum with the input's logit).
     *
     * @param sd the graph
     * @return its architecture
     * @throws IllegalArgumentException when the graph is not a cin transfer network
     */
    public static CinArchitecture of(SameDiff sd) {
        for (String name : new String[] {"c1_W", "c1_cin_gamma", "u1_W", CinTransferNet.INPUT, CinTransferNet.OUTPUT}) {
            if (!sd.hasVariable(name)) {
                throw new IllegalArgumentException("not a cin transfer network: the graph has no '" + name + "'");
            }
        }
        long[] c1 = sd.getVariable("c1_W").getArr().shape();
        int width = (int) c1[3];
        int styles = (int) sd.getVariable("c1_cin_gamma").getArr().size(0);
        long[] u1 = sd.getVariable("u1_W").getArr().shape();
        boolean upsample = u1[2] == 2L * width;
        if (!upsample && u1[2] != width) {
            throw new IllegalArgumentException("not a cin transfer network: u1_W has shape " + Arrays.toString(u1));
        }
        SameDiffOp sigmoid = sd.getOps().get(sd.getVariableOutputOp(CinTransferNet.OUTPUT).getOwnName());
        boolean residual = !sigmoid.getInputsToOp().get(0).equals("out");
        int blocks = 0;
        while (sd.hasVariable("r" + (blocks + 1) + "a_W")) {
            blocks++;
        }
        if (blocks == 0) {
            throw new IllegalArgumentException("not a cin transfer network: the graph has no 'r1a_W'");
        }
        return new CinArchitecture(styles, width, sd.getVariable("c1_W").dataType(), upsample, residual,
                sd.hasVariable("colour_W1"), sd.hasVariable("u1_pos_W"), blocks,
                sd.hasVariable(CinTransferNet.GLOBAL_PREFIX + "_W1"));
    }

    /**
     * This network built for {@code height x width} images, holding the trained weights of
     * {@code trained} (every trainable variable, copied by name).
     *
     * @param trained a graph with this architecture (built for any size)
     * @param height image height, a multiple of {@link CinTransferNet#STRIDE}
     * @param imageWidth image width, a multiple of {@link CinTransferNet#STRIDE}
     * @return the new graph, for inference
     * @throws IllegalArgumentException when the size is not allowed or a weight is missing or of another shape
     */
    public SameDiff atSize(SameDiff trained, int height, int imageWidth) {
        SameDiff sd = CinTransferNet.build(height, imageWidth, this, 0L);
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() != org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                continue;
            }
            if (!trained.hasVariable(v.name())) {
                throw new IllegalArgumentException("the trained graph has no weight '" + v.name() + "'");
            }
            INDArray w = trained.getVariable(v.name()).getArr();
            if (!Arrays.equals(w.shape(), v.getArr().shape())) {
                throw new IllegalArgumentException("weight '" + v.name() + "' has shape " + Arrays.toString(w.shape())
                        + ", expected " + Arrays.toString(v.getArr().shape()));
            }
            v.getArr().assign(w);
        }
        return sd;
    }
}
