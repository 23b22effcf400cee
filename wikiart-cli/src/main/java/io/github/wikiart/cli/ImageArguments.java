package io.github.wikiart.cli;

import io.github.wikiart.data.ImageDecodeException;
import io.github.wikiart.data.ImageDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * The IMAGE... arguments of {@code classify predict} and {@code transfer apply}: each image is
 * decoded and handed on; one that cannot be read is reported with its reason and the others still
 * run, and the exit code is then 2.
 */
final class ImageArguments {
    private ImageArguments() {
    }

    /** What a command does with one decoded image. */
    @FunctionalInterface
    interface Action {
        /**
         * @param name the argument as given
         * @param image the decoded image
         * @throws Exception on failure (ends the command)
         */
        void accept(String name, BufferedImage image) throws Exception;
    }

    /**
     * @param line parsed options
     * @param usage the usage line shown when no image is given
     * @return the image arguments
     * @throws UserException when there are none
     */
    static List<String> required(CommandLine line, String usage) {
        List<String> images = line.getArgList();
        if (images.isEmpty()) {
            throw new UserException("no images given; usage: " + usage);
        }
        return images;
    }

    /**
     * Decodes every image and applies the action.
     *
     * @param names image paths
     * @param console where unreadable images are reported
     * @param command the command's name, for messages
     * @param action what to do with each image
     * @return {@link ExitCodes#OK}, or {@link ExitCodes#USAGE} when an image could not be read
     * @throws Exception when the action fails
     */
    static int forEach(List<String> names, Console console, String command, Action action) throws Exception {
        ImageDecoder decoder = new ImageDecoder();
        int failed = 0;
        for (String name : names) {
            BufferedImage image;
            try {
                image = decoder.decode(Path.of(name));
            } catch (ImageDecodeException e) {
                console.err().println("wikiart " + command + ": " + e.getMessage());
                failed++;
                continue;
            }
            action.accept(name, image);
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
