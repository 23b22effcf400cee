package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.reports.ImageInputs;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Image files moved to a style by a trained transfer run ({@code wikiart transfer apply}), written
 * as {@code <name>-<style>.png}. An image that cannot be read is reported with its reason and the
 * others are still moved.
 *
 * @param images one entry per input image, in the order given
 */
public record TransferApply(List<AppliedImage> images) {
    /**
     * One input image.
     *
     * @param input the input file
     * @param output the PNG written, or null when the input could not be read
     * @param error why the input could not be read, or null
     */
    public record AppliedImage(Path input, Path output, String error) {
    }

    /**
     * Moves every image to the style.
     *
     * @param runDir the transfer run folder
     * @param style the target style's name
     * @param images the input files
     * @param outDir the folder for the results (made when missing)
     * @return what was written
     * @throws InvalidJobException when there is no image, the style is unknown or the run folder is missing
     * @throws IOException when the model cannot be read or a result written
     */
    public static TransferApply apply(Path runDir, String style, List<Path> images, Path outDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        TransferModel model = TransferModels.load(runDir);
        if (!model.labels().contains(style)) {
            throw new InvalidJobException("unknown style '" + style + "'; valid styles: "
                    + String.join(", ", model.labels().names()));
        }
        int target = model.labels().indexOf(style);
        Files.createDirectories(outDir);
        return new TransferApply(ImageInputs.map(images, (input, image) -> {
            BufferedImage result = model.transfer(image, target);
            String base = input.getFileName().toString().replaceAll("\\.[^.]*$", "");
            Path file = outDir.resolve(base + "-" + style + ".png");
            AtomicFiles.write(file, o -> ImageIO.write(result, "png", o));
            return new AppliedImage(input, file, null);
        }, (input, reason) -> new AppliedImage(input, null, reason)));
    }

    /** @return how many images could not be read */
    public long failures() {
        return images.stream().filter(i -> i.error() != null).count();
    }
}
