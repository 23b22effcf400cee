package io.github.wikiart.data.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic dataset written in the WikiArt layout.
 *
 * @param root the folder holding {@code train/} and {@code test/}
 * @param styleNames the style folder names, in label order
 * @param trainPerStyle images per style in {@code train/}
 * @param testPerStyle images per style in {@code test/}
 */
public record SyntheticDataset(Path root, List<String> styleNames, int trainPerStyle, int testPerStyle) {

    /**
     * Copies the style list and checks the fields.
     *
     * @param root the folder holding {@code train/} and {@code test/}
     * @param styleNames the style folder names, in label order
     * @param trainPerStyle images per style in {@code train/}
     * @param testPerStyle images per style in {@code test/}
     */
    public SyntheticDataset {
        Objects.requireNonNull(root, "root");
        styleNames = List.copyOf(styleNames);
        if (trainPerStyle < 0 || testPerStyle < 0) {
            throw new IllegalArgumentException("image counts must be >= 0, got trainPerStyle="
                    + trainPerStyle + ", testPerStyle=" + testPerStyle);
        }
    }

    /**
     * The training split folder.
     *
     * @return {@code root/train}
     */
    public Path trainDir() {
        return root.resolve(SyntheticStyles.TRAIN);
    }

    /**
     * The test split folder.
     *
     * @return {@code root/test}
     */
    public Path testDir() {
        return root.resolve(SyntheticStyles.TEST);
    }

    /**
     * The total number of images written.
     *
     * @return {@code styles * (train + test)}
     */
    public int imageCount() {
        return styleNames.size() * (trainPerStyle + testPerStyle);
    }
}
