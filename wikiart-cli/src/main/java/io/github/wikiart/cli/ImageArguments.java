package io.github.wikiart.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** The IMAGE... arguments of {@code classify predict} and {@code transfer apply}. */
final class ImageArguments {
    private ImageArguments() {
    }

    /**
     * @param line parsed options
     * @param usage the usage line shown when no image is given
     * @return the image arguments
     * @throws UserException when there are none
     */
    static List<Path> required(CommandLine line, String usage) {
        return arguments(line, usage).stream().map(Path::of).toList();
    }

    /**
     * @param line parsed options
     * @param usage the usage line shown when no image is given
     * @return the arguments as given: files, folders or globs ({@link io.github.wikiart.reports.ImageSources})
     * @throws UserException when there are none
     */
    static List<String> arguments(CommandLine line, String usage) {
        List<String> images = line.getArgList();
        if (images.isEmpty()) {
            throw new UserException("no images given; usage: " + usage);
        }
        return List.copyOf(images);
    }
}
