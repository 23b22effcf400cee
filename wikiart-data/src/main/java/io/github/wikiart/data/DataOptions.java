package io.github.wikiart.data;

import io.github.wikiart.config.ConfigKey;
import io.github.wikiart.config.ConfigValues;
import io.github.wikiart.config.YamlScalar;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a WikiArt-style dataset lives and how its images are prepared: the {@code data} section
 * of a configuration. Every {@code data.*} key is declared here ({@link #KEYS}, with its default,
 * range and meaning) and is one component of the record; {@code strict} and {@code seed} are not
 * {@code data.*} keys ({@code seed} is the configuration's top-level {@link #SEED}).
 *
 * @param root {@code data.root}: the dataset folder holding the split folders
 * @param trainDir {@code data.train_dir}: the training split's folder name under {@code root}
 * @param testDir {@code data.test_dir}: the test split's folder name under {@code root}
 * @param imageSize {@code data.image_size}: the side of the square images fed to networks, in pixels
 * @param resize {@code data.resize}: how other aspect ratios become squares
 * @param trainSampling {@code data.train_sampling}: resampling of the training split
 * @param testSampling {@code data.test_sampling}: resampling of the test split
 * @param toySample {@code data.toy_sample}: when positive, only the first {@code toySample} files
 *     per class of the training split are used (the original's {@code toy_sample}); 0 uses everything
 * @param maxPixels {@code data.max_pixels}: images with more pixels are refused without decoding
 * @param jpegLibrary {@code data.jpeg_library}: which library decodes plain JPEG files (see {@link ImageDecoder})
 * @param augment {@code data.augment}: {@code none} or the operations of {@link #augmentation()},
 *     as {@link Augmentation#operations()} writes them
 * @param cropMin {@code data.crop_min}: the smallest random crop when {@code augment} lists {@code crop}
 * @param validationFraction {@code data.validation_fraction}: the share of each style's training
 *     images set aside (seeded, before resampling) to choose the best epoch, stop early and so on;
 *     0 leaves the training split whole, and the test split then chooses the model, as in the original
 * @param strict when true, the first unreadable image is an error instead of being skipped
 * @param seed {@code seed}: the seed every random stream of the data layer is derived from
 */
public record DataOptions(Path root, String trainDir, String testDir, int imageSize, ResizeMode resize,
                          Sampling trainSampling, Sampling testSampling, int toySample, long maxPixels,
                          JpegLibrary jpegLibrary, String augment, double cropMin, double validationFraction,
                          boolean strict, long seed) {

    /** What a sampling key accepts. */
    static final String SAMPLING_EXPECTED =
            "none, mean, max, min, a fraction in (0, 1) or a whole count >= 1";

    /** {@code seed}: the configuration's top-level seed, which the data layer derives its streams from. */
    public static final ConfigKey<Long> SEED = ConfigKey.ofLong("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE,
            "random seed for sampling, shuffling and weight initialisation (the original's default is 1)");

    /** {@code data.root}. */
    public static final ConfigKey<Path> ROOT = ConfigKey.ofPath("data.root", Path.of("data"),
            "dataset root directory holding the train and test folders (relative to the working directory)");

    /** {@code data.train_dir}. */
    public static final ConfigKey<String> TRAIN_DIR = ConfigKey.ofString("data.train_dir", "train",
            "training split folder under data.root, one sub-folder per style");

    /** {@code data.test_dir}. */
    public static final ConfigKey<String> TEST_DIR = ConfigKey.ofString("data.test_dir", "test",
            "test split folder under data.root, one sub-folder per style");

    /** {@code data.image_size}. */
    public static final ConfigKey<Integer> IMAGE_SIZE = ConfigKey.ofInt("data.image_size", 64, 8, 4096,
            "side in pixels of the square network input; the original's img_size_modifier 0.25 on 416 px images is 104");

    /** {@code data.resize}. */
    public static final ConfigKey<ResizeMode> RESIZE = ConfigKey.custom("data.resize", ConfigKey.Type.ENUM,
            ResizeMode.STRETCH, "stretch, crop or pad", s -> ResizeMode.parse(s.text()), ResizeMode::configName,
            "how an image becomes a square: stretch (the original), crop the centre, or pad with white");

    /** {@code data.train_sampling}. */
    public static final ConfigKey<Sampling> TRAIN_SAMPLING = sampling("data.train_sampling",
            "per-class resampling of the training split (a fraction is of the largest class, a count is per class)");

    /** {@code data.test_sampling}. */
    public static final ConfigKey<Sampling> TEST_SAMPLING = sampling("data.test_sampling",
            "per-class resampling of the test split (a fraction is of the largest class, a count is per class)");

    /** {@code data.toy_sample}. */
    public static final ConfigKey<Integer> TOY_SAMPLE = ConfigKey.ofInt("data.toy_sample", 0, 0, Integer.MAX_VALUE,
            "use only the first N images per style of the training split, in the deterministic order (the original's toy_sample); 0 = all");

    /** {@code data.max_pixels}. */
    public static final ConfigKey<Long> MAX_PIXELS = ConfigKey.ofLong("data.max_pixels",
            ImageDecoder.DEFAULT_MAX_PIXELS, 1L, Long.MAX_VALUE,
            "largest image accepted, in pixels (width x height); larger files are refused before decoding");

    /** {@code data.jpeg_library}. */
    public static final ConfigKey<JpegLibrary> JPEG_LIBRARY = ConfigKey.ofEnum("data.jpeg_library", JpegLibrary.class,
            JpegLibrary.TURBOJPEG, "turbojpeg: libjpeg-turbo when installed (libturbojpeg0; same pixels as ImageIO at "
            + "full size, about 40 % faster; large images scaled in the DCT), else ImageIO; imageio: always ImageIO");

    /** {@code data.augment}. */
    public static final ConfigKey<String> AUGMENT = ConfigKey.custom("data.augment", ConfigKey.Type.CUSTOM, "none",
            "none or a comma-separated list of flip, crop", s -> operations(s.text()), v -> v,
            "random changes to training images (never test images), drawn per image and epoch from the seed: flip "
                    + "mirrors left-right with probability 1/2; crop cuts a random square of data.crop_min..1 of the "
                    + "side and resizes it back; no colour changes (colour is style)")
            .requiring(v -> v.equals(operations(v)));

    /** {@code data.crop_min}. */
    public static final ConfigKey<Double> CROP_MIN = ConfigKey.ofDouble("data.crop_min", 0.8, 0.05, 1.0,
            "smallest side of a random crop (data.augment: crop) as a fraction of the image side");

    /** {@code data.validation_fraction}. */
    public static final ConfigKey<Double> VALIDATION_FRACTION = ConfigKey.ofDouble("data.validation_fraction", 0.1,
            0.0, 0.5, "share of each style's training images set aside, seeded and before resampling, as the "
                    + "validation split that chooses the best epoch and stops early; 0 = none (the test split then "
                    + "chooses, as in the original)");

    /** The keys of the {@code data} section, in order ({@link #SEED} is a top-level key, not among them). */
    public static final List<ConfigKey<?>> KEYS = List.of(ROOT, TRAIN_DIR, TEST_DIR, IMAGE_SIZE, RESIZE,
            TRAIN_SAMPLING, TEST_SAMPLING, TOY_SAMPLE, MAX_PIXELS, JPEG_LIBRARY, AUGMENT, CROP_MIN,
            VALIDATION_FRACTION);

    /** Validates every field, naming the key, the value and what was expected. */
    public DataOptions {
        ROOT.check(root);
        TRAIN_DIR.check(trainDir);
        TEST_DIR.check(testDir);
        IMAGE_SIZE.check(imageSize);
        RESIZE.check(resize);
        TRAIN_SAMPLING.check(trainSampling);
        TEST_SAMPLING.check(testSampling);
        TOY_SAMPLE.check(toySample);
        MAX_PIXELS.check(maxPixels);
        JPEG_LIBRARY.check(jpegLibrary);
        AUGMENT.check(augment);
        CROP_MIN.check(cropMin);
        VALIDATION_FRACTION.check(validationFraction);
    }

    /**
     * Options with an augmentation given as a value rather than as its two keys, and the default
     * validation fraction.
     *
     * @param root the dataset folder
     * @param trainDir the training split's folder name
     * @param testDir the test split's folder name
     * @param imageSize the square side in pixels
     * @param resize how images become squares
     * @param trainSampling resampling of the training split
     * @param testSampling resampling of the test split
     * @param toySample images per class of the training split, 0 = all
     * @param maxPixels largest image accepted
     * @param jpegLibrary which library decodes plain JPEG files
     * @param strict whether an unreadable image is an error
     * @param seed the data layer's seed
     * @param augmentation random changes to training images
     */
    public DataOptions(Path root, String trainDir, String testDir, int imageSize, ResizeMode resize,
                       Sampling trainSampling, Sampling testSampling, int toySample, long maxPixels,
                       JpegLibrary jpegLibrary, boolean strict, long seed, Augmentation augmentation) {
        this(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample, maxPixels,
                jpegLibrary, augmentation.operations(), augmentation.crops() ? augmentation.minCrop()
                        : CROP_MIN.defaultValue(), VALIDATION_FRACTION.defaultValue(), strict, seed);
    }

    /**
     * Every key at its default: root {@code data}, {@code train}/{@code test}, 64 px, stretch, no
     * resampling, no toy sample, 100 megapixels, libjpeg-turbo when installed, no augmentation;
     * lenient, seed 1.
     *
     * @return the options
     */
    public static DataOptions defaults() {
        return new DataOptions(ROOT.defaultValue(), TRAIN_DIR.defaultValue(), TEST_DIR.defaultValue(),
                IMAGE_SIZE.defaultValue(), RESIZE.defaultValue(), TRAIN_SAMPLING.defaultValue(),
                TEST_SAMPLING.defaultValue(), TOY_SAMPLE.defaultValue(), MAX_PIXELS.defaultValue(),
                JPEG_LIBRARY.defaultValue(), AUGMENT.defaultValue(), CROP_MIN.defaultValue(),
                VALIDATION_FRACTION.defaultValue(), false, SEED.defaultValue());
    }

    /**
     * The defaults ({@link #defaults()}) for a dataset folder.
     *
     * @param root the dataset folder
     * @return the options
     */
    public static DataOptions defaults(Path root) {
        return defaults().withRoot(root);
    }

    /**
     * Reads the section from resolved values; {@code strict} and {@code seed} are at their
     * defaults (a whole configuration sets the seed).
     *
     * @param v values of a schema holding {@link #KEYS}
     * @return the options
     */
    public static DataOptions from(ConfigValues v) {
        return new DataOptions(v.get(ROOT), v.get(TRAIN_DIR), v.get(TEST_DIR), v.get(IMAGE_SIZE), v.get(RESIZE),
                v.get(TRAIN_SAMPLING), v.get(TEST_SAMPLING), v.get(TOY_SAMPLE), v.get(MAX_PIXELS),
                v.get(JPEG_LIBRARY), v.get(AUGMENT), v.get(CROP_MIN), v.get(VALIDATION_FRACTION), false,
                SEED.defaultValue());
    }

    /**
     * Writes this section's keys ({@code strict} and {@code seed} are not among them).
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(ROOT, root).set(TRAIN_DIR, trainDir).set(TEST_DIR, testDir).set(IMAGE_SIZE, imageSize)
                .set(RESIZE, resize).set(TRAIN_SAMPLING, trainSampling).set(TEST_SAMPLING, testSampling)
                .set(TOY_SAMPLE, toySample).set(MAX_PIXELS, maxPixels)
                .set(JPEG_LIBRARY, jpegLibrary).set(AUGMENT, augment).set(CROP_MIN, cropMin)
                .set(VALIDATION_FRACTION, validationFraction);
    }

    /** @return random changes to training images, from {@code augment} and {@code cropMin} */
    public Augmentation augmentation() {
        return Augmentation.parse(augment, cropMin);
    }

    private static String operations(String text) {
        return Augmentation.parse(text, 0.5).operations();
    }

    /**
     * A sampling key: YAML {@code null}/{@code false} mean none, a number is a fraction or a count,
     * a string is parsed by {@link Sampling#parse(String)}.
     */
    private static ConfigKey<Sampling> sampling(String name, String doc) {
        return ConfigKey.custom(name, ConfigKey.Type.CUSTOM, Sampling.NONE, SAMPLING_EXPECTED,
                DataOptions::parseSampling, DataOptions::samplingYaml, doc);
    }

    private static Sampling parseSampling(YamlScalar s) {
        Object v = s.value();
        if (v == null || Boolean.FALSE.equals(v)) {
            return Sampling.NONE;
        }
        if (v instanceof Boolean) {
            throw new IllegalArgumentException("true is not a sampling");
        }
        if (v instanceof Number n) {
            return Sampling.parse(n instanceof Double ? Double.toString(n.doubleValue()) : n.toString());
        }
        return Sampling.parse(s.text());
    }

    private static Object samplingYaml(Sampling s) {
        if (s instanceof Sampling.Fraction f) {
            return f.fraction();
        } else if (s instanceof Sampling.Count c) {
            return c.count();
        }
        return s.toString();
    }

    /** @return the folder of the training split */
    public Path trainPath() {
        return root.resolve(trainDir);
    }

    /** @return the folder of the test split */
    public Path testPath() {
        return root.resolve(testDir);
    }

    /** @return a resizer for {@link #imageSize()} and {@link #resize()} */
    public ImageResizer resizer() {
        return new ImageResizer(imageSize, resize);
    }

    /** @return a decoder with {@link #maxPixels()} and {@link #jpegLibrary()} */
    public ImageDecoder decoder() {
        return new ImageDecoder(maxPixels, jpegLibrary);
    }

    /** @param value the dataset folder @return a copy with it */
    public DataOptions withRoot(Path value) {
        return new DataOptions(value, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, augment, cropMin, validationFraction, strict, seed);
    }

    /** @param value new image side @return a copy with it */
    public DataOptions withImageSize(int value) {
        return new DataOptions(root, trainDir, testDir, value, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, augment, cropMin, validationFraction, strict, seed);
    }

    /** @param train training resampling @param test test resampling @return a copy with them */
    public DataOptions withSampling(Sampling train, Sampling test) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, train, test, toySample,
                maxPixels, jpegLibrary, augment, cropMin, validationFraction, strict, seed);
    }

    /** @param value toy sample size (0 = off) @return a copy with it */
    public DataOptions withToySample(int value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, value,
                maxPixels, jpegLibrary, augment, cropMin, validationFraction, strict, seed);
    }

    /** @param value the seed @return a copy with it */
    public DataOptions withSeed(long value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, augment, cropMin, validationFraction, strict, value);
    }

    /** @param value strict mode @return a copy with it */
    public DataOptions withStrict(boolean value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, augment, cropMin, validationFraction, value, seed);
    }

    /** @param value the pixel limit @return a copy with it */
    public DataOptions withMaxPixels(long value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                value, jpegLibrary, augment, cropMin, validationFraction, strict, seed);
    }

    /** @param value which library decodes plain JPEG files @return a copy with it */
    public DataOptions withJpegLibrary(JpegLibrary value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, value, augment, cropMin, validationFraction, strict, seed);
    }

    /**
     * @param value random changes to training images; without cropping, {@code cropMin} stays as it is
     * @return a copy with it
     */
    public DataOptions withAugmentation(Augmentation value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, value.operations(), value.crops() ? value.minCrop() : cropMin, validationFraction, strict, seed);
    }

    /** @param value the share of training images set aside for validation, 0..0.5 @return a copy with it */
    public DataOptions withValidationFraction(double value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, augment, cropMin, value, strict, seed);
    }
}
