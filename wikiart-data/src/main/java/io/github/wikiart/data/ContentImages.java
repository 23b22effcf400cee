package io.github.wikiart.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The images of a content folder, for style transfer: either a split in the WikiArt layout (style
 * folders holding images) or a flat folder of images.
 */
public final class ContentImages {
    /** The label of the images of a flat folder. */
    public static final String FLAT_LABEL = "content";

    private ContentImages() {
    }

    /**
     * Lists the images of a content folder, in a deterministic order.
     *
     * @param dir the folder
     * @return samples (label: the style folder, or {@value #FLAT_LABEL} for a flat folder)
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the folder when it is not a folder or holds no image
     */
    public static List<Sample> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException((Files.exists(dir) ? "not a folder: " : "no such folder: ") + dir);
        }
        SplitListing listing = DatasetScanner.scan(dir, FLAT_LABEL);
        if (!listing.samples().isEmpty()) {
            return listing.samples();
        }
        List<Sample> flat = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).filter(ImageFiles::isCandidate).sorted()
                    .forEach(p -> flat.add(new Sample(p, FLAT_LABEL)));
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("no images in " + dir);
        }
        return flat;
    }
}
