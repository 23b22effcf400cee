package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a dataset reports the verification of every image of every split, in order. */
class StepProgressTest {
    @TempDir
    Path dir;

    @Test
    void everyCandidateIsReportedOncePerSplitWithTheTotal() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(2).trainPerStyle(5).testPerStyle(2).size(16).seed(1).build().write(root);
        Files.writeString(root.resolve("train/Pointillism/broken.jpg"), "not a jpeg");
        List<String> reports = new ArrayList<>();
        WikiArtDataset.load(DataOptions.defaults(root).withImageSize(16), true, true, 2,
                (step, done, total) -> reports.add(step + " " + done + "/" + total));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            expected.add("verifying train images " + i + "/11");
        }
        for (int i = 1; i <= 4; i++) {
            expected.add("verifying test images " + i + "/4");
        }
        assertEquals(expected, reports);
    }
}
