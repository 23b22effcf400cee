package io.github.wikiart.reports;

import io.github.wikiart.data.ImageDecodeException;
import io.github.wikiart.data.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Image files given by a user (predict, apply): each is decoded and handed on; one that cannot be
 * read is handed on with its reason, and the others still run.
 */
public final class ImageInputs {
    private ImageInputs() {
    }

    /**
     * What a job makes of one decoded image.
     *
     * @param <T> the result per image
     */
    @FunctionalInterface
    public interface Decoded<T> {
        /**
         * @param file the file
         * @param image its pixels
         * @return the result
         * @throws IOException when writing a result fails
         */
        T apply(Path file, BufferedImage image) throws IOException;
    }

    /**
     * What a job makes of a file that could not be read.
     *
     * @param <T> the result per image
     */
    @FunctionalInterface
    public interface Unreadable<T> {
        /**
         * @param file the file
         * @param reason why it could not be read
         * @return the result
         */
        T apply(Path file, String reason);
    }

    /**
     * @param files the image files, at least one
     * @param decoded what to make of each readable image
     * @param unreadable what to make of each unreadable file
     * @param <T> the result per image
     * @return one result per file, in order
     * @throws InvalidJobException when no file is given
     * @throws IOException when {@code decoded} fails
     */
    public static <T> List<T> map(List<Path> files, Decoded<T> decoded, Unreadable<T> unreadable)
            throws IOException {
        if (files.isEmpty()) {
            throw new InvalidJobException("no images given");
        }
        ImageDecoder decoder = new ImageDecoder();
        List<T> out = new ArrayList<>();
        for (Path file : files) {
            BufferedImage image;
            try {
                image = decoder.decode(file);
            } catch (ImageDecodeException e) {
                out.add(unreadable.apply(file, e.getMessage()));
                continue;
            }
            out.add(decoded.apply(file, image));
        }
        return out;
    }
}
