package io.github.wikiart.cli;

import io.github.wikiart.data.ContentImages;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Content folders of the transfer commands; images become tensors through {@code ModelInput}. */
final class TransferImages {
    private TransferImages() {
    }

    /**
     * The images of a content folder ({@link ContentImages#list}), with a user error when it has none.
     *
     * @param dir the folder
     * @return samples
     * @throws IOException when it cannot be read
     */
    static List<Sample> content(Path dir) throws IOException {
        try {
            return ContentImages.list(dir);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /**
     * @param samples samples
     * @return a label index over their labels
     */
    static LabelIndex labelsOf(List<Sample> samples) {
        return LabelIndex.of(samples.stream().map(Sample::label).toList());
    }
}
