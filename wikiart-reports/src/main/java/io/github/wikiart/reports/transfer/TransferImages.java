package io.github.wikiart.reports.transfer;

import io.github.wikiart.data.ContentImages;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import io.github.wikiart.reports.InvalidJobException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Content folders of the transfer jobs; images become tensors through {@code ModelInput}. */
public final class TransferImages {
    private TransferImages() {
    }

    /**
     * The images of a content folder ({@link ContentImages#list}), with a user error when it has none.
     *
     * @param dir the folder
     * @return samples
     * @throws IOException when it cannot be read
     * @throws InvalidJobException when it holds no image
     */
    public static List<Sample> content(Path dir) throws IOException {
        try {
            return ContentImages.list(dir);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobException(e.getMessage(), e);
        }
    }

    /**
     * @param samples samples
     * @return a label index over their labels
     */
    public static LabelIndex labelsOf(List<Sample> samples) {
        return LabelIndex.of(samples.stream().map(Sample::label).toList());
    }
}
