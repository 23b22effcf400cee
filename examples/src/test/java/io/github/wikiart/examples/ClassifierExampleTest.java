package io.github.wikiart.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierExampleTest {
    @Test
    void trainsBothModelsAboveTheMajorityClassAndWritesThePlots(@TempDir Path dir) throws Exception {
        ClassifierExample.Result r = ClassifierExample.run(dir.resolve("data"), dir.resolve("runs"), 32, 3);
        // 4 balanced styles, 10 test images each: always naming one style scores 0.25.
        assertEquals(0.25, r.styleNet().majorityBaseline(), 1e-12);
        assertEquals(40, r.styleNet().finalReport().total());
        assertTrue(r.styleNet().testAccuracy() > 0.5, "StyleNet: " + r.styleNet().testAccuracy());
        assertTrue(r.seed().testAccuracy() > r.seed().majorityBaseline() + 0.1, "original: " + r.seed().testAccuracy());
        for (String plot : new String[] {"confusion-matrix.png", "training-curves.png", "class-counts.png"}) {
            assertTrue(Files.size(r.styleNet().plots().resolve(plot)) > 1000, plot);
        }
    }
}
