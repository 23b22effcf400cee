package io.github.wikiart.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierExampleTest {
    @Test
    void trainsBothModelsAndWritesThePlot(@TempDir Path dir) throws Exception {
        ClassifierExample.Result r = ClassifierExample.runExample(dir.resolve("data"), dir.resolve("runs"), 32, 3);
        assertTrue(r.styleNetAccuracy() > 0.5, "4 styles, chance 0.25: " + r.styleNetAccuracy());
        assertTrue(r.seedAccuracy() >= 0 && r.seedAccuracy() <= 1);
        assertTrue(Files.size(r.styleNetRun().resolve("plots/confusion-matrix.png")) > 1000);
    }
}
