package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Assertions on written PNG files. */
final class Pngs {
    private Pngs() {
    }

    /** Reads {@code png} back, checking it is a PNG that ImageIO decodes. */
    static BufferedImage read(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), "missing " + png);
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(png)) {
            assertEquals(8, in.read(head));
        }
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO cannot read " + png);
        return image;
    }

    /** Reads {@code png} back and checks its size. */
    static BufferedImage read(Path png, int width, int height) throws IOException {
        BufferedImage image = read(png);
        assertEquals(width, image.getWidth(), "width");
        assertEquals(height, image.getHeight(), "height");
        return image;
    }

    /** The folder holds exactly these file names: no temporary files are left behind. */
    static void assertOnlyFiles(Path dir, String... names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> found = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(Stream.of(names).sorted().toList(), found);
        }
    }

    /** Colour of a pixel. */
    static Color at(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y));
    }

    /** Perceived brightness, 0 (black) to 255 (white). */
    static double brightness(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    /** Whether any pixel has exactly colour {@code c}. */
    static boolean contains(BufferedImage image, Color c) {
        int rgb = c.getRGB();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }
}
