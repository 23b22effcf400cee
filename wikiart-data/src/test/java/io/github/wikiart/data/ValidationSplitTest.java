package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation split: stratified, seeded, carved before resampling, never overlapping training. */
class ValidationSplitTest {
    @TempDir
    Path dir;

    @Test
    void carvesARoundedShareOfEveryStyleAndKeepsATrainingImagePerStyle() {
        List<Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            samples.add(new Sample(Path.of("a" + i + ".jpg"), "A"));
        }
        for (int i = 0; i < 4; i++) {
            samples.add(new Sample(Path.of("b" + i + ".jpg"), "B"));
        }
        samples.add(new Sample(Path.of("c0.jpg"), "C"));
        ValidationCarver.Parts parts = ValidationCarver.carve(samples, 0.1, 7);
        Map<String, Long> perStyle = parts.validation().stream()
                .collect(Collectors.groupingBy(Sample::label, Collectors.counting()));
        // round(2.5) = 3 of A, round(0.4) = 0 of B, and never the only image of C.
        assertEquals(Map.of("A", 3L), perStyle);
        assertEquals(27, parts.training().size());
        Set<Sample> all = new HashSet<>(parts.training());
        all.addAll(parts.validation());
        assertEquals(30, all.size());
        // Order is kept, the choice follows the seed.
        assertEquals(parts.training(), samples.stream().filter(parts.training()::contains).toList());
        assertEquals(parts.validation(), ValidationCarver.carve(samples, 0.1, 7).validation());
        assertNotEquals(parts.validation(), ValidationCarver.carve(samples, 0.1, 8).validation());
        assertEquals(List.of(), ValidationCarver.carve(samples, 0, 7).validation());
        assertEquals(1, ValidationCarver.carve(samples.subList(0, 2), 0.49, 7).validation().size());
    }

    @Test
    void theDatasetCarvesBeforeResamplingSoOversampledCopiesStayInTraining() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(10).testPerStyle(2).size(16).seed(1).build().write(root);
        DataOptions options = DataOptions.defaults(root).withValidationFraction(0.2)
                .withSampling(Sampling.parse("30"), Sampling.NONE);
        WikiArtDataset data = WikiArtDataset.load(options, true, true, 2);
        PreparedSplit validation = data.validation().orElseThrow();
        assertEquals(6, validation.samples().size());
        assertEquals(24, data.train().loadable().size());
        assertEquals(90, data.train().samples().size());
        Set<Path> train = data.train().samples().stream().map(Sample::path).collect(Collectors.toSet());
        assertTrue(validation.samples().stream().noneMatch(s -> train.contains(s.path())));
        assertEquals(List.of("train", "validation", "test"), List.copyOf(data.splits().keySet()));
        assertTrue(WikiArtDataset.load(options.withValidationFraction(0), true, true, 2).validation().isEmpty());
    }
}
