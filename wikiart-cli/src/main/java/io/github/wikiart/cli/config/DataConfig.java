package io.github.wikiart.cli.config;

import io.github.wikiart.data.JpegLibrary;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.Sampling;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code data} section: where the images are and how they are prepared.
 *
 * @param root {@code data.root}: dataset root directory
 * @param trainDir {@code data.train_dir}: training split folder under the root
 * @param testDir {@code data.test_dir}: test split folder under the root
 * @param imageSize {@code data.image_size}: side in pixels of the square input images
 * @param resize {@code data.resize}: how images become squares
 * @param trainSampling {@code data.train_sampling}: per-class resampling of the training split
 * @param testSampling {@code data.test_sampling}: per-class resampling of the test split
 * @param toySample {@code data.toy_sample}: images per class for a quick toy run, 0 = off
 * @param maxPixels {@code data.max_pixels}: largest decoded image accepted, in pixels
 * @param jpegLibrary {@code data.jpeg_library}: which library decodes plain JPEG files
 * @param augment {@code data.augment}: random changes to training images
 * @param cropMin {@code data.crop_min}: smallest random crop, as a fraction of the side
 */
public record DataConfig(Path root, String trainDir, String testDir, int imageSize, ResizeMode resize,
        Sampling trainSampling, Sampling testSampling, int toySample, long maxPixels,
        JpegLibrary jpegLibrary, String augment, double cropMin) {

    /** What a sampling key accepts. */
    static final String SAMPLING_EXPECTED =
            "none, mean, max, min, a fraction in (0, 1) or a whole count >= 1";

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
    public static final ConfigKey<Long> MAX_PIXELS = ConfigKey.ofLong("data.max_pixels", 100_000_000L, 1L,
            Long.MAX_VALUE, "largest image accepted, in pixels (width x height); larger files are refused before decoding");

    /** {@code data.jpeg_library}. */
    public static final ConfigKey<JpegLibrary> JPEG_LIBRARY = ConfigKey.ofEnum("data.jpeg_library", JpegLibrary.class,
            JpegLibrary.TURBOJPEG, "turbojpeg: libjpeg-turbo when installed (libturbojpeg0; same pixels as ImageIO at "
            + "full size, about 40 % faster; large images scaled in the DCT), else ImageIO; imageio: always ImageIO");

    /** {@code data.augment}. */
    public static final ConfigKey<String> AUGMENT = ConfigKey.custom("data.augment", ConfigKey.Type.CUSTOM, "none",
            "none or a comma-separated list of flip, crop", s -> augment(s.text()), v -> v,
            "random changes to training images (never test images), drawn per image and epoch from the seed: flip "
                    + "mirrors left-right with probability 1/2; crop cuts a random square of data.crop_min..1 of the "
                    + "side and resizes it back; no colour changes (colour is style)");

    /** {@code data.crop_min}. */
    public static final ConfigKey<Double> CROP_MIN = ConfigKey.ofDouble("data.crop_min", 0.8, 0.05, 1.0,
            "smallest side of a random crop (data.augment: crop) as a fraction of the image side");

    /** The keys of this section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(ROOT, TRAIN_DIR, TEST_DIR, IMAGE_SIZE, RESIZE,
            TRAIN_SAMPLING, TEST_SAMPLING, TOY_SAMPLE, MAX_PIXELS, JPEG_LIBRARY, AUGMENT, CROP_MIN);

    /** Validates every field, naming the key on failure. */
    public DataConfig {
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
    }

    private static String augment(String text) {
        return io.github.wikiart.data.Augmentation.parse(text, 0.5).operations();
    }

    /** @return the section with every key at its default */
    public static DataConfig defaults() {
        return from(ConfigValues.defaults());
    }

    /**
     * Reads the section from resolved values.
     *
     * @param v the values
     * @return the section
     */
    public static DataConfig from(ConfigValues v) {
        return new DataConfig(v.get(ROOT), v.get(TRAIN_DIR), v.get(TEST_DIR), v.get(IMAGE_SIZE), v.get(RESIZE),
                v.get(TRAIN_SAMPLING), v.get(TEST_SAMPLING), v.get(TOY_SAMPLE), v.get(MAX_PIXELS),
                v.get(JPEG_LIBRARY), v.get(AUGMENT), v.get(CROP_MIN));
    }

    /**
     * Writes this section's values.
     *
     * @param b the builder to fill
     */
    public void writeTo(ConfigValues.Builder b) {
        b.set(ROOT, root).set(TRAIN_DIR, trainDir).set(TEST_DIR, testDir).set(IMAGE_SIZE, imageSize)
                .set(RESIZE, resize).set(TRAIN_SAMPLING, trainSampling).set(TEST_SAMPLING, testSampling)
                .set(TOY_SAMPLE, toySample).set(MAX_PIXELS, maxPixels)
                .set(JPEG_LIBRARY, jpegLibrary).set(AUGMENT, augment).set(CROP_MIN, cropMin);
    }

    /**
     * A sampling key: YAML {@code null}/{@code false} mean none, a number is a fraction or a count,
     * a string is parsed by {@link Sampling#parse(String)}.
     */
    private static ConfigKey<Sampling> sampling(String name, String doc) {
        return ConfigKey.custom(name, ConfigKey.Type.CUSTOM, Sampling.NONE, SAMPLING_EXPECTED,
                DataConfig::parseSampling, DataConfig::samplingYaml, doc);
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

    /**
     * The data layer's options for this section.
     *
     * @param seed the configuration's seed
     * @return the options (lenient: unreadable images are skipped and reported)
     */
    public io.github.wikiart.data.DataOptions toDataOptions(long seed) {
        return new io.github.wikiart.data.DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling,
                testSampling, toySample, maxPixels, jpegLibrary, false, seed,
                io.github.wikiart.data.Augmentation.parse(augment, cropMin));
    }
}
