package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.data.ImageResizer;
import io.github.wikiart.reports.ImageSources;
import io.github.wikiart.reports.OrderedDecoding;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image files moved to a style by a trained transfer run ({@code wikiart transfer apply}), written
 * as {@code <name>-<style>.png}: at the training size (the default), or for a fully convolutional
 * ({@code cin}) network at the photo's own size or scaled to a longer side ({@link ApplySize}),
 * optionally keeping the photo's colours ({@link KeepColours}). An image that cannot be read, or
 * is above the megapixel limit, is reported with its reason and the others are still moved.
 *
 * @param images one entry per input image, in the order given
 */
public record TransferApply(List<AppliedImage> images) {
    private static final Logger LOG = LoggerFactory.getLogger(TransferApply.class);

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
     * Moves every image to the style at the training size, with the network's colours
     * ({@link ApplyOptions#defaults()}).
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
        return apply(runDir, style, images, outDir, ApplyOptions.defaults());
    }

    /**
     * Moves every image to the style, at the size and with the colours the options ask for. An
     * image that cannot be read, or that is above {@link ApplyOptions#maxMegapixels()} at the size
     * the network would run at, is reported with its reason and the others are still moved.
     *
     * @param runDir the transfer run folder
     * @param style the target style's name
     * @param images the input files
     * @param outDir the folder for the results (made when missing)
     * @param options size, memory limit and colours
     * @return what was written
     * @throws InvalidJobException when there is no image, the style is unknown, the run folder is
     *     missing, or the size is not the training size and the method's network runs only at that
     *     size ({@code seed}: dense layers)
     * @throws IOException when the model cannot be read or a result written
     */
    public static TransferApply apply(Path runDir, String style, List<Path> images, Path outDir, ApplyOptions options)
            throws IOException {
        if (images.isEmpty()) {
            throw new InvalidJobException("no images given");
        }
        List<AppliedImage> out = new java.util.ArrayList<>();
        stream(runDir, style, images.stream().map(f -> new ImageSources.Source(f, null)).toList(), outDir, options,
                out::add);
        return new TransferApply(out);
    }

    /** Receives one image's result as soon as it is written. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param image the written file, or why there is none
         * @throws IOException when handling it fails (stops the job)
         */
        void accept(AppliedImage image) throws IOException;
    }

    /**
     * Moves files, folders and globs ({@link ImageSources}) to a style as a stream: images are
     * decoded on background threads a few ahead, and each result (or why there is none) is handed
     * on in the order of the sources. Results are {@code <name>-<style>.png} in {@code outDir}; a
     * name already written by this job gets {@code -2}, {@code -3}, ... (folders may hold equal
     * names in different subfolders).
     *
     * @param runDir the transfer run folder
     * @param style the target style's name
     * @param sources what to move, with the problems found while listing
     * @param outDir the folder for the results (made when missing)
     * @param options size, memory limit and colours
     * @param listener receives every source's result, in order
     * @return how many sources gave no result
     * @throws InvalidJobException when the style is unknown, the run folder is missing, or the size
     *     is not the training size and the method's network runs only at that size
     * @throws IOException when the model cannot be read, a result written, or the listener fails
     */
    public static long stream(Path runDir, String style, List<ImageSources.Source> sources, Path outDir,
                              ApplyOptions options, Listener listener) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new InvalidJobException("run: no such folder: " + runDir);
        }
        TransferModel model = TransferModels.load(runDir);
        if (!model.labels().contains(style)) {
            throw new InvalidJobException("unknown style '" + style + "'; valid styles: "
                    + String.join(", ", model.labels().names()));
        }
        if (options.size().mode() != ApplySize.Mode.TRAINING && !model.anySize()) {
            throw new InvalidJobException("size " + options.size() + ": the " + model.method()
                    + " transfer network has dense layers and runs only at its training size " + model.imageSize()
                    + "x" + model.imageSize() + "; leave out the size (--size) for this run, or use a cin run");
        }
        int target = model.labels().indexOf(style);
        Files.createDirectories(outDir);
        java.util.Set<String> used = new java.util.HashSet<>();
        long[] failures = {0};
        io.github.wikiart.data.ImageDecoder decoder = new io.github.wikiart.data.ImageDecoder();
        OrderedDecoding.forEach(sources, decoder::decode, 2, 4, item -> {
            AppliedImage result = item.ok() ? one(model, item.path(), item.value(), target, style, outDir, options, used)
                    : new AppliedImage(item.path(), null, item.problem());
            if (result.error() != null) {
                failures[0]++;
            }
            listener.accept(result);
        });
        return failures[0];
    }

    private static AppliedImage one(TransferModel model, Path input, BufferedImage image, int target, String style,
                                    Path outDir, ApplyOptions options, java.util.Set<String> used) throws IOException {
        String tooLarge = tooLarge(input, image, options);
        if (tooLarge != null) {
            return new AppliedImage(input, null, tooLarge);
        }
        BufferedImage result = transfer(model, image, target, options);
        String base = input.getFileName().toString().replaceAll("\\.[^.]*$", "") + "-" + style;
        String name = base + ".png";
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + ".png";
        }
        Path file = outDir.resolve(name);
        AtomicFiles.write(file, o -> ImageIO.write(result, "png", o));
        return new AppliedImage(input, file, null);
    }

    /** @return why the image is above the limit, or null when it is not (or runs at the training size) */
    private static String tooLarge(Path input, BufferedImage image, ApplyOptions options) {
        if (options.size().mode() == ApplySize.Mode.TRAINING) {
            return null;
        }
        int[] size = options.size().of(image.getWidth(), image.getHeight());
        double megapixels = (double) size[0] * size[1] / 1e6;
        if (megapixels <= options.maxMegapixels()) {
            return null;
        }
        String scaled = options.size().mode() == ApplySize.Mode.NATIVE ? ""
                : " scaled to " + size[0] + "x" + size[1];
        return String.format(java.util.Locale.ROOT, "%dx%d%s is %.1f megapixels, above the limit of %s "
                + "(--max-megapixels); scale it down with --size N (the longer side in pixels) or raise the limit",
                image.getWidth(), image.getHeight(), scaled, megapixels, megapixelText(options.maxMegapixels()));
    }

    private static String megapixelText(double mp) {
        return mp == Math.rint(mp) ? Long.toString((long) mp) : Double.toString(mp);
    }

    private static BufferedImage transfer(TransferModel model, BufferedImage image, int target, ApplyOptions options) {
        BufferedImage photo;
        BufferedImage styled;
        if (options.size().mode() == ApplySize.Mode.TRAINING) {
            photo = model.input().resizer().resize(image);
            styled = model.transfer(image, target);
        } else {
            int[] size = options.size().of(image.getWidth(), image.getHeight());
            photo = ImageResizer.scaleTo(image, size[0], size[1]);
            long start = System.nanoTime();
            styled = model.transferAtOwnSize(photo, target);
            LOG.debug("transferred at {}x{} in {} ms", size[0], size[1], (System.nanoTime() - start) / 1_000_000);
        }
        return options.keepColours() ? KeepColours.apply(photo, styled) : styled;
    }

    /** @return how many images could not be read */
    public long failures() {
        return images.stream().filter(i -> i.error() != null).count();
    }
}
