package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a WikiArt-style dataset lives and how its images are prepared.
 *
 * @param root the dataset folder holding the split folders
 * @param trainDir the training split's folder name under {@code root}
 * @param testDir the test split's folder name under {@code root}
 * @param imageSize the side of the square images fed to networks, in pixels
 * @param resize how other aspect ratios become squares
 * @param trainSampling resampling of the training split
 * @param testSampling resampling of the test split
 * @param toySample when positive, only the first {@code toySample} files per class of the
 *     training split are used (the original's {@code toy_sample}); 0 uses everything
 * @param maxPixels images with more pixels are refused without decoding
 * @param jpegLibrary which library decodes plain JPEG files (see {@link ImageDecoder})
 * @param strict when true, the first unreadable image is an error instead of being skipped
 * @param seed the seed every random stream of the data layer is derived from
 * @param augmentation random changes to training images ({@link Augmentation#NONE} for none);
 *     only training iterators apply it
 */
public record DataOptions(Path root, String trainDir, String testDir, int imageSize, ResizeMode resize,
                          Sampling trainSampling, Sampling testSampling, int toySample, long maxPixels,
                          JpegLibrary jpegLibrary, boolean strict, long seed, Augmentation augmentation) {
    /** Validates every field, naming it. */
    public DataOptions {
        Objects.requireNonNull(root, "root");
        requireName(trainDir, "trainDir");
        requireName(testDir, "testDir");
        if (imageSize < 1) {
            throw new IllegalArgumentException("imageSize must be >= 1, got " + imageSize);
        }
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(trainSampling, "trainSampling");
        Objects.requireNonNull(testSampling, "testSampling");
        if (toySample < 0) {
            throw new IllegalArgumentException("toySample must be >= 0, got " + toySample);
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be >= 1, got " + maxPixels);
        }
        Objects.requireNonNull(jpegLibrary, "jpegLibrary");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    private static void requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must be a folder name, got '" + value + "'");
        }
    }

    /**
     * Options with the defaults: {@code train}/{@code test}, 64 px, stretch, no resampling, no toy
     * sample, 100 megapixels, libjpeg-turbo when installed, lenient, seed 1, no augmentation.
     *
     * @param root the dataset folder
     * @return the options
     */
    public static DataOptions defaults(Path root) {
        return new DataOptions(root, "train", "test", 64, ResizeMode.STRETCH, Sampling.NONE, Sampling.NONE, 0,
                ImageDecoder.DEFAULT_MAX_PIXELS, JpegLibrary.TURBOJPEG, false, 1L, Augmentation.NONE);
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

    /** @param value new image side @return a copy with it */
    public DataOptions withImageSize(int value) {
        return new DataOptions(root, trainDir, testDir, value, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, strict, seed, augmentation);
    }

    /** @param train training resampling @param test test resampling @return a copy with them */
    public DataOptions withSampling(Sampling train, Sampling test) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, train, test, toySample, maxPixels,
                jpegLibrary, strict, seed, augmentation);
    }

    /** @param value toy sample size (0 = off) @return a copy with it */
    public DataOptions withToySample(int value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, value,
                maxPixels, jpegLibrary, strict, seed, augmentation);
    }

    /** @param value the seed @return a copy with it */
    public DataOptions withSeed(long value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, strict, value, augmentation);
    }

    /** @param value strict mode @return a copy with it */
    public DataOptions withStrict(boolean value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, value, seed, augmentation);
    }

    /** @param value the pixel limit @return a copy with it */
    public DataOptions withMaxPixels(long value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                value, jpegLibrary, strict, seed, augmentation);
    }

    /** @param value which library decodes plain JPEG files @return a copy with it */
    public DataOptions withJpegLibrary(JpegLibrary value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, value, strict, seed, augmentation);
    }

    /** @param value random changes to training images @return a copy with it */
    public DataOptions withAugmentation(Augmentation value) {
        return new DataOptions(root, trainDir, testDir, imageSize, resize, trainSampling, testSampling, toySample,
                maxPixels, jpegLibrary, strict, seed, value);
    }
}
