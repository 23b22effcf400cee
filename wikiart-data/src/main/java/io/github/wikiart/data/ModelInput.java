package io.github.wikiart.data;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How a model's images become tensors and its tensors images: the one place that does it for
 * prediction, style transfer, grids and evaluation, with the same resizing
 * ({@link ImageResizer}) and pixel conversion ({@link RgbPixels}) as the training iterator
 * ({@link #batches}), so preprocessing always matches training.
 *
 * @param imageSize the side of the square input, in pixels
 * @param resize how other aspect ratios become squares
 * @param layout the tensor layout
 * @param scaling how pixel values are scaled
 */
public record ModelInput(int imageSize, ResizeMode resize, TensorLayout layout, PixelScaling scaling) {
    /** Validates. */
    public ModelInput {
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be >= 1, got " + imageSize);
        }
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * @param data the data preparation a model was trained with
     * @param layout the model's tensor layout
     * @return its input, with {@link PixelScaling#UNIT}
     */
    public static ModelInput of(DataOptions data, TensorLayout layout) {
        return new ModelInput(data.imageSize(), data.resize(), layout, PixelScaling.UNIT);
    }

    /** @return the resizer for {@link #imageSize()} and {@link #resize()} */
    public ImageResizer resizer() {
        return new ImageResizer(imageSize, resize);
    }

    /**
     * One image as a batch of one.
     *
     * @param image any image (converted to RGB, alpha composited onto white)
     * @return {@code [1, 3, s, s]} (NCHW) or {@code [1, s, s, 3]} (NHWC), float
     */
    public INDArray toTensor(BufferedImage image) {
        return toTensor(List.of(image));
    }

    /**
     * Images as one batch, each resized and scaled as in training.
     *
     * @param images at least one image
     * @return {@code [n, 3, s, s]} or {@code [n, s, s, 3]}, float
     */
    public INDArray toTensor(List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images");
        }
        int pixels = imageSize * imageSize;
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, shape(images.size()), 'c');
        FloatBuffer out = x.data().asNioFloat();
        ImageResizer resizer = resizer();
        for (int i = 0; i < images.size(); i++) {
            resizer.resizeToPixels(images.get(i)).toFloats(pixels, layout, out, (int) x.offset() + i * 3 * pixels);
        }
        // The buffer above views the array's native memory: the array must outlive it.
        java.lang.ref.Reference.reachabilityFence(x);
        return HostMemory.written(x);
    }

    /**
     * Decodes one file and prepares it as {@link ImageBatchIterator} does in training (decoded
     * at a reduced size where the format allows, never below the input side).
     *
     * @param file an image file
     * @param decoder the decoder
     * @return a batch of one
     * @throws ImageDecodeException naming the file when it cannot be decoded
     */
    public INDArray read(Path file, ImageDecoder decoder) throws ImageDecodeException {
        return toTensor(decoder.decode(file, imageSize));
    }

    /**
     * Image {@code i} of a batch in this layout and scaling (a network's input or output) as an
     * image; values outside the pixel range are clamped.
     *
     * @param batch {@code [n, 3, s, s]} or {@code [n, s, s, 3]}
     * @param i the index in the batch
     * @return a {@code s x s} RGB image
     */
    public BufferedImage toImage(INDArray batch, int i) {
        INDArray one = batch.get(NDArrayIndex.point(i)).castTo(DataType.FLOAT).dup('c');
        return RgbPixels.toImage(one.reshape(one.length()).toFloatVector(), imageSize, layout);
    }

    /**
     * A batch in another layout converted to this one (no copy when it already is).
     *
     * @param batch a rank-4 image batch
     * @param from its layout
     * @return the batch in {@link #layout()}
     */
    public INDArray fromLayout(INDArray batch, TensorLayout from) {
        if (from == layout) {
            return batch;
        }
        return (from == TensorLayout.NHWC ? batch.permute(0, 3, 1, 2) : batch.permute(0, 2, 3, 1)).dup('c');
    }

    /**
     * An iterator over files, prepared as this input (size, resize, layout); set batch size,
     * shuffling, decoder and the rest on the builder.
     *
     * @param samples the images
     * @param labels a label index covering their labels
     * @return the builder
     */
    public ImageBatchIterator.Builder batches(List<Sample> samples, LabelIndex labels) {
        return ImageBatchIterator.builder(samples, labels).imageSize(imageSize).resize(resize).layout(layout);
    }

    private long[] shape(int n) {
        return layout == TensorLayout.NHWC ? new long[] {n, imageSize, imageSize, 3}
                : new long[] {n, 3, imageSize, imageSize};
    }
}
