package io.github.wikiart.data.synth;

import io.github.wikiart.data.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generator of synthetic style datasets: the first {@code K} {@link SyntheticStyle}s, each
 * rendered over varied random content, written in the WikiArt layout
 * {@code <out>/train/<Style>/img_00000.jpg} and {@code <out>/test/<Style>/img_00000.jpg}.
 * Same configuration, same bytes. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <pre>{@code
 * SyntheticDataset ds = SyntheticStyles.builder().styles(6).trainPerStyle(40).testPerStyle(10)
 *         .size(64).seed(42).format(ImageFormat.JPEG).build().write(out);
 * }</pre>
 */
public final class SyntheticStyles {
    /** The training split folder name. */
    public static final String TRAIN = "train";
    /** The test split folder name. */
    public static final String TEST = "test";

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticStyles.class);
    private static final List<String> SPLITS = List.of(TRAIN, TEST);

    private final int styles;
    private final int trainPerStyle;
    private final int testPerStyle;
    private final int size;
    private final long seed;
    private final ImageFormat format;
    private final float jpegQuality;
    private final boolean overwrite;

    private SyntheticStyles(Builder b) {
        this.styles = b.styles;
        this.trainPerStyle = b.trainPerStyle;
        this.testPerStyle = b.testPerStyle;
        this.size = b.size;
        this.seed = b.seed;
        this.format = b.format;
        this.jpegQuality = b.jpegQuality;
        this.overwrite = b.overwrite;
    }

    /**
     * A builder with the defaults: 6 styles, 40 train and 10 test images per style, 64 px,
     * seed 42, JPEG at quality 0.92, no overwrite.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of built-in styles, the upper bound of {@link Builder#styles(int)}.
     *
     * @return the count of {@link SyntheticStyle} constants
     */
    public static int availableStyles() {
        return SyntheticStyle.values().length;
    }

    /**
     * The chosen styles, in label order.
     *
     * @return the first {@code K} styles
     */
    public List<SyntheticStyle> styles() {
        return List.of(SyntheticStyle.values()).subList(0, styles);
    }

    /**
     * The folder names of the chosen styles, in label order.
     *
     * @return the names of the first {@code K} styles
     */
    public List<String> styleNames() {
        return styles().stream().map(Enum::name).toList();
    }

    /**
     * Images per style in {@code train/}.
     *
     * @return at least 1
     */
    public int trainPerStyle() {
        return trainPerStyle;
    }

    /**
     * Images per style in {@code test/}.
     *
     * @return at least 0
     */
    public int testPerStyle() {
        return testPerStyle;
    }

    /**
     * The image side in pixels.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The dataset seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The file format.
     *
     * @return JPEG or PNG
     */
    public ImageFormat format() {
        return format;
    }

    /**
     * Renders one image of a chosen style.
     *
     * @param styleIndex index into {@link #styleNames()}
     * @param contentSeed selects the content; the same seed gives the same layout in every style
     * @param size the side in pixels, {@value SyntheticStyle#MIN_SIZE}..{@value SyntheticStyle#MAX_SIZE}
     * @return a new {@link BufferedImage#TYPE_INT_RGB} image
     * @throws IllegalArgumentException naming the argument if it is out of range
     */
    public BufferedImage render(int styleIndex, long contentSeed, int size) {
        if (styleIndex < 0 || styleIndex >= styles) {
            throw new IllegalArgumentException(
                    "styleIndex must be in 0.." + (styles - 1) + ", got " + styleIndex);
        }
        return SyntheticStyle.values()[styleIndex].render(contentSeed, size);
    }

    /**
     * The content seed of one dataset image, derived from (seed, split, style, index) so that
     * every image, and train and test, get different content.
     *
     * @param split {@link #TRAIN} or {@link #TEST}
     * @param styleIndex index into {@link #styleNames()}
     * @param index the image number within its style folder
     * @return the content seed passed to {@link #render(int, long, int)}
     */
    public long contentSeed(String split, int styleIndex, int index) {
        int splitId = SPLITS.indexOf(split);
        if (splitId < 0) {
            throw new IllegalArgumentException("split must be " + TRAIN + " or " + TEST + ", got " + split);
        }
        return Seeds.combine(seed, splitId, styleIndex, index);
    }

    /**
     * The file name of one image.
     *
     * @param index the image number within its style folder
     * @return e.g. {@code img_00007.jpg}
     */
    public String fileName(int index) {
        return String.format(Locale.ROOT, "img_%05d.%s", index, format.extension());
    }

    /**
     * Writes the dataset. Each file is written atomically (temporary file in the same folder,
     * then a rename). Existing {@code train/} or {@code test/} folders that hold files are an
     * error unless {@link Builder#overwrite(boolean)} was set, in which case only those two
     * folders are deleted first.
     *
     * @param outDir the dataset root; created if missing
     * @return a description of what was written
     * @throws IllegalStateException naming the folder if a split folder already holds files and
     *     overwrite is off
     * @throws IOException naming the file or folder that failed
     */
    public SyntheticDataset write(Path outDir) throws IOException {
        Objects.requireNonNull(outDir, "outDir");
        for (String split : SPLITS) {
            prepareSplit(outDir.resolve(split));
        }
        List<String> names = styleNames();
        for (String split : SPLITS) {
            int count = split.equals(TRAIN) ? trainPerStyle : testPerStyle;
            for (int s = 0; s < styles; s++) {
                Path dir = outDir.resolve(split).resolve(names.get(s));
                createDirectories(dir);
                for (int i = 0; i < count; i++) {
                    BufferedImage image = render(s, contentSeed(split, s, i), size);
                    Path target = dir.resolve(fileName(i));
                    byte[] bytes;
                    try {
                        bytes = ImageEncoder.encode(image, format, jpegQuality);
                    } catch (IOException e) {
                        throw new IOException("cannot encode " + target + ": " + e.getMessage(), e);
                    }
                    AtomicFiles.write(target, out -> out.write(bytes));
                }
            }
        }
        LOG.debug("wrote {} synthetic images of {} styles to {}",
                styles * (trainPerStyle + testPerStyle), styles, outDir);
        return new SyntheticDataset(outDir, names, trainPerStyle, testPerStyle);
    }

    private void prepareSplit(Path splitDir) throws IOException {
        if (!Files.isDirectory(splitDir, LinkOption.NOFOLLOW_LINKS) || !containsFiles(splitDir)) {
            return;
        }
        if (!overwrite) {
            throw new IllegalStateException("output folder " + splitDir
                    + " already contains files; remove it or set overwrite(true)");
        }
        deleteTree(splitDir);
    }

    private static boolean containsFiles(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.anyMatch(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A validating builder for {@link SyntheticStyles}. Every setter checks its argument at once
     * and throws {@link IllegalArgumentException} naming the field and the value.
     */
    public static final class Builder {
        private int styles = 6;
        private int trainPerStyle = 40;
        private int testPerStyle = 10;
        private int size = 64;
        private long seed = 42;
        private ImageFormat format = ImageFormat.JPEG;
        private float jpegQuality = 0.92f;
        private boolean overwrite;

        private Builder() {
        }

        /**
         * The number of styles, {@code K}: the first {@code K} in fixed order.
         *
         * @param styles 1..{@link SyntheticStyles#availableStyles()}
         * @return this builder
         */
        public Builder styles(int styles) {
            check("styles", styles, 1, availableStyles());
            this.styles = styles;
            return this;
        }

        /**
         * Images per style in {@code train/}.
         *
         * @param trainPerStyle at least 1
         * @return this builder
         */
        public Builder trainPerStyle(int trainPerStyle) {
            check("trainPerStyle", trainPerStyle, 1, Integer.MAX_VALUE);
            this.trainPerStyle = trainPerStyle;
            return this;
        }

        /**
         * Images per style in {@code test/}.
         *
         * @param testPerStyle at least 0
         * @return this builder
         */
        public Builder testPerStyle(int testPerStyle) {
            check("testPerStyle", testPerStyle, 0, Integer.MAX_VALUE);
            this.testPerStyle = testPerStyle;
            return this;
        }

        /**
         * The image side in pixels.
         *
         * @param size {@value SyntheticStyle#MIN_SIZE}..{@value SyntheticStyle#MAX_SIZE}
         * @return this builder
         */
        public Builder size(int size) {
            check("size", size, SyntheticStyle.MIN_SIZE, SyntheticStyle.MAX_SIZE);
            this.size = size;
            return this;
        }

        /**
         * The dataset seed; any value.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The file format.
         *
         * @param format JPEG or PNG
         * @return this builder
         */
        public Builder format(ImageFormat format) {
            if (format == null) {
                throw new IllegalArgumentException("format must not be null");
            }
            this.format = format;
            return this;
        }

        /**
         * The JPEG quality; ignored for PNG.
         *
         * @param jpegQuality in (0, 1]
         * @return this builder
         */
        public Builder jpegQuality(float jpegQuality) {
            if (!(jpegQuality > 0 && jpegQuality <= 1)) {
                throw new IllegalArgumentException("jpegQuality must be in (0, 1], got " + jpegQuality);
            }
            this.jpegQuality = jpegQuality;
            return this;
        }

        /**
         * Whether {@link SyntheticStyles#write(Path)} may delete existing {@code train/} and
         * {@code test/} folders that hold files.
         *
         * @param overwrite true to replace them
         * @return this builder
         */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * Builds the generator.
         *
         * @return an immutable generator
         */
        public SyntheticStyles build() {
            return new SyntheticStyles(this);
        }

        private static void check(String field, int value, int min, int max) {
            if (value < min || value > max) {
                String bound = max == Integer.MAX_VALUE ? ">= " + min : "in " + min + ".." + max;
                throw new IllegalArgumentException(field + " must be " + bound + ", got " + value);
            }
        }
    }
}
