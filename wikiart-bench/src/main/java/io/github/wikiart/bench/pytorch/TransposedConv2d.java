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
 * {@code Conv2dTranspose} is not implemented. The doubling case the autoencoder uses runs as four
 * small convolutions interleaved ({@link #doublingBySubPixels}), with the multiply-adds of a native
 * transposed convolution. Other cases: the input is dilated by inserting {@code stride - 1}
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
    private final boolean cropEnd;
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
        this(filters, kernel, stride, padding, outputPadding, withBias, false);
    }

    private TransposedConv2d(int filters, int kernel, int stride, int padding, int outputPadding, boolean withBias,
            boolean cropEnd) {
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
        this.cropEnd = cropEnd;
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
     * The doubling step as the DL4J autoencoder computes it: the kernel 3, stride 2 transposed
     * convolution without padding ({@code 2n + 1} outputs) without its last row and column
     * ({@link #doublingCroppedAtEnd}). The same cost as {@link #doubling}, but aligned one pixel
     * apart: it keeps rows {@code 0 .. 2n-1} of the full transposed convolution, PyTorch's padding 1
     * and output padding 1 keep rows {@code 1 .. 2n}.
     *
     * @param filters output channels
     * @return the block, with bias
     */
    public static TransposedConv2d doublingAsDl4j(int filters) {
        return new TransposedConv2d(filters, 3, 2, 1, 1, true, true);
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
        return new NDList(cropEnd ? doublingCroppedAtEnd(x, w, b) : apply(x, w, b, stride, padding, outputPadding));
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
        if (k == 3 && stride == 2 && padding == 1 && outputPadding == 1) {
            return doublingBySubPixels(x, w, b);
        }
        return viaZeroInsertion(x, w, b, stride, padding, outputPadding);
    }

    /** Any case, by zero insertion, padding and a flipped-kernel convolution (see the class comment). */
    static NDArray viaZeroInsertion(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding) {
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

    /**
     * The doubling case (kernel 3, stride 2, padding 1, output padding 1) without multiplying by
     * inserted zeros: every output pixel of parity (row, column) sees a fixed subset of the kernel
     * taps, so the output is four small convolutions of the input (1x1, 1x2, 2x1, 2x2 kernels cut
     * from the 3x3 one) interleaved. The same multiply-adds as a native transposed convolution,
     * a quarter of what the zero-insertion form does. Even output rows use kernel row 1; odd rows
     * {@code 2m + 1} use row 2 at input row {@code m} and row 0 at {@code m + 1} (zero past the end);
     * columns alike.
     */
    static NDArray doublingBySubPixels(NDArray x, NDArray w, NDArray b) {
        return subPixels(x, w, b, false);
    }

    /**
     * The unpadded kernel 3, stride 2 transposed convolution without its last row and column (DL4J's
     * autoencoder), by sub-pixels as {@link #doublingBySubPixels}: even output rows {@code 2m} use
     * kernel row 0 at input row {@code m} and row 2 at {@code m - 1} (zero before the start), odd
     * rows {@code 2m + 1} kernel row 1 at input row {@code m}; columns alike.
     *
     * @param x input {@code [n, cin, h, w]}
     * @param w weight {@code [cin, cout, 3, 3]}
     * @param b bias {@code [cout]} or null
     * @return {@code [n, cout, 2h, 2w]}
     */
    static NDArray doublingCroppedAtEnd(NDArray x, NDArray w, NDArray b) {
        return subPixels(x, w, b, true);
    }

    /**
     * @param startAligned false: PyTorch's padding 1 and output padding 1 (rows 1 .. 2n of the full
     *     transposed convolution); true: rows 0 .. 2n-1
     */
    private static NDArray subPixels(NDArray x, NDArray w, NDArray b, boolean startAligned) {
        Shape shape = x.getShape();
        long n = shape.get(0);
        long h = shape.get(2);
        long wd = shape.get(3);
        NDArray kernel = w.transpose(1, 0, 2, 3);
        long cout = kernel.getShape().get(0);
        // One kernel tap, and two taps (2 before 0) reaching one input row or column further.
        NDArray one = kernel.get(new NDIndex(":, :, 1:2, :"));
        NDArray two = NDArrays.concat(new NDList(kernel.get(new NDIndex(":, :, 2:3, :")),
                kernel.get(new NDIndex(":, :, 0:1, :"))), 2);
        // PyTorch's alignment: one tap on even rows, two on odd rows over the input and a zero row
        // after it. The start-aligned one: two taps on even rows over a zero row and the input, one
        // tap on odd rows.
        NDArray padded = startAligned ? padTopLeft(x) : padBottomRight(x);
        NDArray[] rows = new NDArray[2];
        int r = 0;
        for (NDArray rowTaps : startAligned ? new NDArray[] {two, one} : new NDArray[] {one, two}) {
            long kh = rowTaps.getShape().get(2);
            NDArray oneCol = rowTaps.get(new NDIndex(":, :, :, 1:2"));
            NDArray twoCols = NDArrays.concat(new NDList(rowTaps.get(new NDIndex(":, :, :, 2:3")),
                    rowTaps.get(new NDIndex(":, :, :, 0:1"))), 3);
            // The rows (and below, columns) a tap set reads: all h + 1 for two taps, else the input's h.
            NDArray input = startAligned
                    ? padded.get(new NDIndex(":, :, {}:, :", kh == 2 ? 0 : 1))
                    : padded.get(new NDIndex(":, :, :{}, :", h + kh - 1));
            NDArray oneColInput = startAligned ? input.get(new NDIndex(":, :, :, 1:")) 
                    : input.get(new NDIndex(":, :, :, :{}", wd));
            NDArray oneColOut = Conv2d.conv2d(oneColInput, oneCol, b, new Shape(1, 1), new Shape(0, 0))
                    .singletonOrThrow();
            NDArray twoColOut = Conv2d.conv2d(input, twoCols, b, new Shape(1, 1), new Shape(0, 0)).singletonOrThrow();
            NDArray a = startAligned ? twoColOut : oneColOut;
            NDArray c = startAligned ? oneColOut : twoColOut;
            // Interleave the columns: [n, o, h, w, 2] -> [n, o, h, 2w].
            rows[r++] = NDArrays.stack(new NDList(a, c), 4).reshape(n, cout, h, 2 * wd);
        }
        // Interleave the rows: [n, o, h, 2, 2w] -> [n, o, 2h, 2w].
        return NDArrays.stack(new NDList(rows[0], rows[1]), 3).reshape(n, cout, 2 * h, 2 * wd);
    }

    /** Prepends one zero row and one zero column: {@code [n, c, h, w] -> [n, c, h + 1, w + 1]}. */
    private static NDArray padTopLeft(NDArray x) {
        Shape s = x.getShape();
        NDArray rows = NDArrays.concat(new NDList(x.getManager().zeros(new Shape(s.get(0), s.get(1), 1, s.get(3)),
                x.getDataType()), x), 2);
        return NDArrays.concat(new NDList(x.getManager().zeros(new Shape(s.get(0), s.get(1), s.get(2) + 1, 1),
                x.getDataType()), rows), 3);
    }

    /** Appends one zero row and one zero column: {@code [n, c, h, w] -> [n, c, h + 1, w + 1]}. */
    static NDArray padBottomRight(NDArray x) {
        Shape s = x.getShape();
        NDArray rows = NDArrays.concat(new NDList(x, x.getManager().zeros(new Shape(s.get(0), s.get(1), 1, s.get(3)),
                x.getDataType())), 2);
        return NDArrays.concat(new NDList(rows, x.getManager().zeros(new Shape(s.get(0), s.get(1), s.get(2) + 1, 1),
                x.getDataType())), 3);
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
