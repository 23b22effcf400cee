package io.github.wikiart.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WikiArt-layout dataset ({@code <root>/<split>/<Style>/<image>}) loaded for use: every split
 * scanned, its images verified, the toy sample applied, the validation split carved from the
 * training split ({@link ValidationCarver}), the resampling applied, and one label index over all
 * loaded splits.
 *
 * <pre>{@code
 * WikiArtDataset data = WikiArtDataset.load(DataOptions.defaults(Path.of("wikiart")), true, true);
 * try (ImageBatchIterator train = ImageBatchIterator.builder(data.train().samples(), data.labelIndex())
 *         .imageSize(64).batchSize(32).seed(1).build()) { ... }
 * }</pre>
 */
public final class WikiArtDataset {
    /** Name of the training split in reports. */
    public static final String TRAIN = "train";
    /** Name of the test split in reports. */
    public static final String TEST = "test";
    /** Name of the validation split (carved from the training split) in reports. */
    public static final String VALIDATION = "validation";

    private final DataOptions options;
    private final Map<String, PreparedSplit> splits;
    private final LabelIndex labelIndex;

    private WikiArtDataset(DataOptions options, Map<String, PreparedSplit> splits, LabelIndex labelIndex) {
        this.options = options;
        this.splits = Collections.unmodifiableMap(splits);
        this.labelIndex = labelIndex;
    }

    /**
     * Loads the requested splits with decoding threads equal to the available processors.
     *
     * @param options where and how
     * @param train whether to load the training split
     * @param test whether to load the test split
     * @return the dataset
     * @throws IOException if a split folder is missing or unreadable, or (strict mode) an image fails
     */
    public static WikiArtDataset load(DataOptions options, boolean train, boolean test) throws IOException {
        return load(options, train, test, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads the requested splits.
     *
     * @param options where and how
     * @param train whether to load the training split
     * @param test whether to load the test split
     * @param threads decoding threads for verification
     * @return the dataset
     * @throws IOException if a split folder is missing or unreadable, or (strict mode) an image fails
     */
    public static WikiArtDataset load(DataOptions options, boolean train, boolean test, int threads)
            throws IOException {
        return load(options, train, test, threads, StepProgress.NONE);
    }

    /**
     * Loads the requested splits with decoding threads equal to the available processors, reporting
     * the verification of each split's images.
     *
     * @param options where and how
     * @param train whether to load the training split
     * @param test whether to load the test split
     * @param progress told after each verified image ({@code verifying <split> images})
     * @return the dataset
     * @throws IOException if a split folder is missing or unreadable, or (strict mode) an image fails
     */
    public static WikiArtDataset load(DataOptions options, boolean train, boolean test, StepProgress progress)
            throws IOException {
        return load(options, train, test, Runtime.getRuntime().availableProcessors(), progress);
    }

    /**
     * Loads the requested splits, reporting the verification of each split's images.
     *
     * @param options where and how
     * @param train whether to load the training split
     * @param test whether to load the test split
     * @param threads decoding threads for verification
     * @param progress told after each verified image ({@code verifying <split> images})
     * @return the dataset
     * @throws IOException if a split folder is missing or unreadable, or (strict mode) an image fails
     */
    public static WikiArtDataset load(DataOptions options, boolean train, boolean test, int threads,
                                      StepProgress progress) throws IOException {
        Objects.requireNonNull(options, "options");
        if (!train && !test) {
            throw new IllegalArgumentException("load at least one split");
        }
        List<SplitListing> listings = new ArrayList<>();
        if (train) {
            listings.add(DatasetScanner.scan(options.trainPath(), TRAIN));
        }
        if (test) {
            listings.add(DatasetScanner.scan(options.testPath(), TEST));
        }
        LabelIndex index = LabelIndex.ofSplits(listings);
        ImageVerifier verifier = new ImageVerifier(options.decoder(), options.imageSize(), threads);
        Map<String, PreparedSplit> splits = new LinkedHashMap<>();
        for (SplitListing listing : listings) {
            boolean isTrain = listing.split().equals(TRAIN);
            List<Sample> candidates = listing.samples();
            ImageVerifier.Result verified = verifier.verify(candidates, options.strict(), progress,
                    "verifying " + listing.split() + " images");
            List<Sample> loadable = verified.loadable();
            if (isTrain && options.toySample() > 0) {
                loadable = Resampler.firstPerClass(loadable, options.toySample());
            }
            List<SkippedFile> skipped = new ArrayList<>(listing.skipped());
            skipped.addAll(verified.skipped());
            List<Sample> validation = null;
            if (isTrain && options.validationFraction() > 0) {
                ValidationCarver.Parts parts = ValidationCarver.carve(loadable, options.validationFraction(),
                        Seeds.derive(options.seed(), "validation"));
                loadable = parts.training();
                validation = parts.validation();
            }
            Sampling sampling = isTrain ? options.trainSampling() : options.testSampling();
            ResampledSplit resampled = Resampler.resample(loadable, listing.classes(), sampling,
                    Seeds.derive(options.seed(), "resample/" + listing.split()));
            splits.put(listing.split(), new PreparedSplit(listing.split(), listing.dir(), listing.classes(),
                    loadable, skipped, resampled));
            if (validation != null) {
                splits.put(VALIDATION, new PreparedSplit(VALIDATION, listing.dir(), listing.classes(), validation,
                        List.of(), Resampler.resample(validation, listing.classes(), Sampling.NONE, 0)));
            }
        }
        return new WikiArtDataset(options, splits, index);
    }

    /** @return the options it was loaded with */
    public DataOptions options() {
        return options;
    }

    /** @return the label index over all loaded splits */
    public LabelIndex labelIndex() {
        return labelIndex;
    }

    /** @return the loaded splits by name, train first */
    public Map<String, PreparedSplit> splits() {
        return splits;
    }

    /**
     * @return the training split
     * @throws IllegalStateException if it was not loaded
     */
    public PreparedSplit train() {
        return split(TRAIN);
    }

    /**
     * @return the test split
     * @throws IllegalStateException if it was not loaded
     */
    public PreparedSplit test() {
        return split(TEST);
    }

    /**
     * @return the validation split carved from the training split ({@code data.validation_fraction}),
     *     empty when the fraction is 0 or the training split was not loaded
     */
    public Optional<PreparedSplit> validation() {
        return Optional.ofNullable(splits.get(VALIDATION));
    }

    private PreparedSplit split(String name) {
        PreparedSplit split = splits.get(name);
        if (split == null) {
            throw new IllegalStateException("the " + name + " split was not loaded");
        }
        return split;
    }
}
