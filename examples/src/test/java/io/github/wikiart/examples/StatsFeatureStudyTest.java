package io.github.wikiart.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.models.layers.StatisticsFeatures.Group;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsFeatureStudyTest {
    @Test
    void reportsAllGroupsAndEachGroupLeftOut(@TempDir Path dir) throws Exception {
        SyntheticStyles.builder().styles(3).trainPerStyle(10).testPerStyle(5).size(24).seed(6).build()
                .write(dir.resolve("data"));
        Map<String, Double> r = StatsFeatureStudy.run(dir.resolve("data"), 24, 8, 1);
        assertEquals(1 + Group.values().length, r.size());
        // 8 steps on 30 images: measured 0.667 with every group (chance 0.33).
        assertTrue(r.get(StatsFeatureStudy.ALL) >= 0.6, "3 generated styles, chance 0.33: " + r);
        r.values().forEach(a -> assertTrue(a >= 0 && a <= 1, r.toString()));
        assertEquals(r, StatsFeatureStudy.run(dir.resolve("data"), 24, 8, 1), "same seed, same numbers");
    }
}
