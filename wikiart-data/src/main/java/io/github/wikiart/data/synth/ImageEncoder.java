package io.github.wikiart.data.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Encodes images to bytes in memory, with no metadata that could vary between runs. */
final class ImageEncoder {
    private ImageEncoder() {
    }

    /**
     * Encodes an image.
     *
     * @param image the pixels
     * @param format the file format
     * @param jpegQuality JPEG quality in (0, 1]; ignored for PNG
     * @return the file bytes
     * @throws IOException if no writer exists or encoding fails
     */
    static byte[] encode(BufferedImage image, ImageFormat format, float jpegQuality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(jpegQuality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
