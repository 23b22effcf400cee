package io.github.wikiart.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Writes the odd kinds of image files real collections contain, for tests. */
final class TestImages {
    private TestImages() {
    }

    static BufferedImage rgb(int w, int h, Color color) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static Path write(BufferedImage img, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    static Path jpeg(Path file, Color color) throws IOException {
        return write(rgb(32, 24, color), "jpg", file);
    }

    static Path grayJpeg(Path file) throws IOException {
        BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        return write(img, "jpg", file);
    }

    /** A 4-channel (CMYK) JPEG, which plain ImageIO cannot read. */
    static Path cmykJpeg(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, x < 8 ? new int[] {255, 255, 255, 255} : new int[] {255, 0, 0, 255});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(encoded)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
        // An Adobe APP14 segment with transform 0 marks the four channels as CMYK (without it they
        // read as RGBA). The JDK's own reader refuses such files.
        byte[] body = encoded.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream file4 = new ByteArrayOutputStream();
        file4.write(body, 0, 2);
        file4.write(adobe);
        file4.write(body, 2, body.length - 2);
        Files.write(file, file4.toByteArray());
        return file;
    }

    /** A PNG whose left half is fully transparent and right half opaque red. */
    static Path alphaPng(Path file) throws IOException {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                img.setRGB(x, y, x < 5 ? 0x00000000 : 0xFFFF0000);
            }
        }
        return write(img, "png", file);
    }

    /** A 16-bit-per-channel RGB PNG. */
    static Path png16(Path file) throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(12, 12);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                raster.setPixel(x, y, new int[] {65535, 32768, 0});
            }
        }
        return write(new BufferedImage(cm, raster, false, null), "png", file);
    }

    static Path paletteGif(Path file) throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        return write(img, "gif", file);
    }

    static Path truncated(Path file) throws IOException {
        Path tmp = Files.createTempFile("full", ".jpg");
        BufferedImage img = rgb(64, 64, Color.GREEN);
        for (int i = 0; i < 64; i++) {
            img.setRGB(i, i, 0xFF0000);
        }
        write(img, "jpg", tmp);
        byte[] all = Files.readAllBytes(tmp);
        Files.delete(tmp);
        Files.createDirectories(file.getParent());
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        return file;
    }

    /**
     * A tiny valid PNG that declares {@code side x side} RGBA pixels (4 * side^2 bytes if decoded):
     * a decompression bomb. Only the first row's data is present.
     */
    static Path bombPng(Path file, int side) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(side);
        h.writeInt(side);
        h.writeByte(8);
        h.writeByte(6);
        h.writeByte(0);
        h.writeByte(0);
        h.writeByte(0);
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[side * 4 + 1]);
        deflater.finish();
        byte[] buf = new byte[side * 4 + 64];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
