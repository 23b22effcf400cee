package io.github.wikiart.bench.pytorch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2D transposed convolution (PyTorch {@code ConvTranspose2d} with square kernel, stride, padding
 * and output padding) built from operations DJL's PyTorch engine has, since its
 * {@code Conv2dTranspose} is not implemented: the input is dilated by inserting {@code stride - 1}
 * zeros between neighbouring pixels, padded by {@code kernel - 1 - padding} (plus the output
 * padding at the bottom and right), and convolved with stride 1 by the kernel flipped in both
 * spatial axes with its input and output channels swapped. The result equals the transposed
 * convolution exactly (up to floating-point rounding); its output side is
 * {@code (in - 1) stride - 2 padding + kernel + outputPadding}.
 *
 * <p>The weight is stored as PyTorch stores it, {@code [inChannels, outChannels, k, k]}, followed
 * by a bias of {@code outChannels}.
 */
public final class TransposedConv2d extends AbstractBlock {
    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outputPadding;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param filters output channels, at least 1
     * @param kernel kernel side, at least 1
     * @param stride stride, at least 1
     * @param padding implicit padding removed from each side, in {@code [0, kernel - 1]}
     * @param outputPadding extra size at the bottom and right, in {@code [0, stride - 1]}
     * @param withBias whether to add a per-channel bias
     */
    public TransposedConv2d(int filters, int kernel, int stride, int padding, int outputPadding, boolean withBias) {
        if (filters < 1 || kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("filters, kernel and stride must be >= 1, got "
                    + filters + ", " + kernel + ", " + stride);
        }
        if (padding < 0 || padding > kernel - 1) {
            throw new IllegalArgumentException("padding must be in [0, kernel - 1], got " + padding);
        }
        if (outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException("outputPadding must be in [0, stride - 1], got " + outputPadding);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        this.bias = withBias
                ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                        .optShape(new Shape(filters)).build())
                : null;
    }

    /**
     * The kernel 3, stride 2, padding 1, output padding 1 transposed convolution that doubles the
     * side of a feature map (the original autoencoder's upsampling step).
     *
     * @param filters output channels
     * @return the block, with bias
     */
    public static TransposedConv2d doubling(int filters) {
        return new TransposedConv2d(filters, 3, 2, 1, 1, true);
    }

    /**
     * @param in input side
     * @return output side
     */
    public int outputSide(long in) {
        return (int) ((in - 1) * stride - 2L * padding + kernel + outputPadding);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), filters, kernel, kernel));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), filters, outputSide(s.get(2)), outputSide(s.get(3)))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        return new NDList(apply(x, w, b, stride, padding, outputPadding));
    }

    /**
     * The transposed convolution as a function.
     *
     * @param x input {@code [n, cin, h, w]}
     * @param w weight {@code [cin, cout, k, k]} (PyTorch's layout for transposed convolutions)
     * @param b bias {@code [cout]} or null
     * @param stride stride
     * @param padding padding
     * @param outputPadding output padding
     * @return {@code [n, cout, (h-1) s - 2p + k + op, (w-1) s - 2p + k + op]}
     */
    public static NDArray apply(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding) {
        long k = w.getShape().get(2);
        long lead = k - 1 - padding;
        // Zero insertion leaves stride - 1 trailing zeros after the last row and column.
        long trail = k - 1 - padding + outputPadding - (stride - 1);
        NDArray d = dilate(x, stride);
        NDArray kernel = w.transpose(1, 0, 2, 3).flip(2, 3);
        if (lead == trail) {
            // Symmetric: the convolution's own padding does it (kernel 3, stride 2, padding 1, output padding 1).
            return Conv2d.conv2d(d, kernel, b, new Shape(1, 1), new Shape(lead, lead)).singletonOrThrow();
        }
        long h = d.getShape().get(2) - (stride - 1);
        long wd = d.getShape().get(3) - (stride - 1);
        NDArray trimmed = d.get(new NDIndex(":, :, :{}, :{}", h, wd));
        NDArray padded = padZeros(trimmed, lead, k - 1 - padding + outputPadding);
        return Conv2d.conv2d(padded, kernel, b, new Shape(1, 1), new Shape(0, 0)).singletonOrThrow();
    }

    /** Inserts {@code s - 1} zeros after every row and column: {@code [n, c, h, w] -> [n, c, h s, w s]}. */
    static NDArray dilate(NDArray x, int s) {
        if (s == 1) {
            return x;
        }
        Shape shape = x.getShape();
        long n = shape.get(0);
        long c = shape.get(1);
        long h = shape.get(2);
        long w = shape.get(3);
        NDArray rows = NDArrays.concat(new NDList(x.expandDims(3),
                x.getManager().zeros(new Shape(n, c, h, s - 1, w), x.getDataType())), 3).reshape(n, c, h * s, w);
        return NDArrays.concat(new NDList(rows.expandDims(4),
                x.getManager().zeros(new Shape(n, c, h * s, w, s - 1), x.getDataType())), 4)
                .reshape(n, c, h * s, w * s);
    }

    /** Pads the two spatial axes with {@code before} zeros in front and {@code after} behind. */
    private static NDArray padZeros(NDArray x, long before, long after) {
        NDArray out = x;
        for (int axis = 2; axis <= 3; axis++) {
            NDList parts = new NDList();
            Shape s = out.getShape();
            if (before > 0) {
                parts.add(out.getManager().zeros(withAxis(s, axis, before), x.getDataType()));
            }
            parts.add(out);
            if (after > 0) {
                parts.add(out.getManager().zeros(withAxis(s, axis, after), x.getDataType()));
            }
            out = parts.size() == 1 ? out : NDArrays.concat(parts, axis);
        }
        return out;
    }

    private static Shape withAxis(Shape s, int axis, long size) {
        long[] dims = s.getShape();
        dims[axis] = size;
        return new Shape(dims);
    }
}
