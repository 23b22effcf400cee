package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelIndexTest {

    @Test
    void unionOfSplitsIsSortedAndSharedByBothSplits() {
        SplitListing train = new SplitListing("train", Path.of("t"), List.of("Cubism", "Baroque"), List.of(), List.of());
        SplitListing test = new SplitListing("test", Path.of("s"), List.of("Ukiyo_e", "Baroque"), List.of(), List.of());
        LabelIndex index = LabelIndex.ofSplits(List.of(train, test));
        assertEquals(List.of("Baroque", "Cubism", "Ukiyo_e"), index.names());
        assertEquals(2, index.indexOf("Ukiyo_e"));
        // Stable: the order of discovery does not matter.
        assertEquals(index, LabelIndex.ofSplits(List.of(test, train)));
        assertEquals(index, LabelIndex.of(List.of("Ukiyo_e", "Cubism", "Baroque", "Cubism")));
    }

    @Test
    void roundTripThroughFile(@TempDir Path dir) throws Exception {
        LabelIndex index = LabelIndex.of(List.of("Ä_Style", "Art_Nouveau", "Zen"));
        Path file = dir.resolve(LabelIndex.FILE_NAME);
        index.write(file);
        assertEquals(index, LabelIndex.read(file));
        assertEquals("Art_Nouveau\nZen\nÄ_Style\n", Files.readString(file));
    }

    @Test
    void mismatchNamesTheDifferences() {
        LabelIndex model = LabelIndex.of(List.of("A", "B", "C"));
        LabelIndex data = LabelIndex.of(List.of("A", "B", "D"));
        LabelIndexMismatchException e = assertThrows(LabelIndexMismatchException.class,
                () -> data.requireSameAs(model, "runs/x"));
        assertTrue(e.getMessage().contains("runs/x"), e.getMessage());
        assertTrue(e.getMessage().contains("only in the model: [C]"), e.getMessage());
        assertTrue(e.getMessage().contains("only in the data: [D]"), e.getMessage());
        data.requireSameAs(LabelIndex.of(List.of("D", "A", "B")), "same");
    }

    @Test
    void unknownStyleListsKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelIndex.of(List.of("A", "B")).indexOf("Q"));
        assertEquals("unknown style 'Q'; known styles: A, B", e.getMessage());
    }

    @Test
    void unsortedFileIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.txt");
        Files.writeString(file, "B\nA\n");
        assertThrows(java.io.IOException.class, () -> LabelIndex.read(file));
    }
}
