package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.ContentImages;
import io.github.wikiart.data.ImageResizer;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sample;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.viz.ImageGrid;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Image helpers of the transfer commands: content folders, and images to and from NHWC arrays. */
public final class TransferImages {
    private TransferImages() {
    }

    /**
     * The images of a content folder ({@link ContentImages#list}), with a user error when it has none.
     *
     * @param dir the folder
     * @return samples
     * @throws IOException when it cannot be read
     * @throws InvalidJobException when it holds no image
     */
    public static List<Sample> content(Path dir) throws IOException {
        try {
            return ContentImages.list(dir);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(e.getMessage(), e);
        }
    }

    /**
     * @param samples samples
     * @return a label index over their labels
     */
    public static LabelIndex labelsOf(List<Sample> samples) {
        return LabelIndex.of(samples.stream().map(Sample::label).toList());
    }

    /**
     * One image as a {@code [1, s, s, 3]} array in [0, 1].
     *
     * @param image any image
     * @param side target side
     * @return the array
     */
    public static INDArray toArray(BufferedImage image, int side) {
        byte[] rgb = new ImageResizer(side, ResizeMode.STRETCH).resizeToBytes(image);
        float[] f = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            f[i] = (rgb[i] & 0xFF) / 255f;
        }
        return Nd4j.create(f, new long[] {1, side, side, 3}, 'c');
    }

    /**
     * Decodes one image file into a {@code [1, s, s, 3]} array in [0, 1].
     *
     * @param file the image
     * @param side target side
     * @return the array
     * @throws IOException naming the file when it cannot be decoded
     */
    public static INDArray read(Path file, int side) throws IOException {
        try {
            return toArray(new io.github.wikiart.data.ImageDecoder().decode(file), side);
        } catch (io.github.wikiart.data.ImageDecodeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param batch NHWC images
     * @param i index
     * @return image i
     */
    public static BufferedImage toImage(INDArray batch, int i) {
        INDArray one = batch.get(NDArrayIndex.point(i)).dup('c');
        return ImageGrid.fromHwc(one.reshape(one.length()).toFloatVector(), (int) batch.size(1));
    }
}
