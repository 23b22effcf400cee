package io.github.wikiart.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataPipelineExampleTest {
    @Test
    void runsOnGeneratedData(@TempDir Path dir) throws Exception {
        DataPipelineExample.Result r = DataPipelineExample.runExample(dir.resolve("data"), 16);
        assertEquals(List.of("Hard_Edge_Stripes", "Pointillism", "Pop_Dots", "Ukiyo_Waves"), r.labels());
        // 30 per style, 3 of each set aside for validation (data.validation_fraction 0.1): 4 x 27.
        assertEquals(108, r.trainSamples());
        assertEquals(7, r.batches());
        assertArrayEquals(new long[] {16, 3, 16, 16}, r.firstBatchShape());
    }
}
