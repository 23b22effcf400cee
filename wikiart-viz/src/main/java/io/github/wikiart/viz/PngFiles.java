package io.github.wikiart.viz;

import io.github.wikiart.data.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes images as PNG files atomically, so a reader never sees a half-written plot. */
final class PngFiles {
    private PngFiles() {
    }

    /**
     * Writes {@code image} to {@code png} through a temporary file in the same folder.
     *
     * @param image the image
     * @param png the target file; its folder is created if needed
     * @throws IOException if encoding or writing fails
     */
    static void write(BufferedImage image, Path png) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(png, "png");
        AtomicFiles.write(png, out -> {
            // An in-memory cache keeps ImageIO from creating its own temporary files elsewhere.
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                if (!ImageIO.write(image, "png", stream)) {
                    throw new IOException("no PNG encoder available");
                }
            }
        });
    }
}
