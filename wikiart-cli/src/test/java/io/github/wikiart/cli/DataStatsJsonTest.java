package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStatsJsonTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = dir.resolve("styles");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "3", "--train-per-style", "5",
                "--test-per-style", "2", "--size", "16", "--seed", "5").code());
        Files.writeString(data.resolve("train/Pointillism/broken.jpg"), "not really a jpeg");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void jsonFollowsTheSchemaAndIsAllThatIsPrinted() throws Exception {
        CliRunner r = CliRunner.run("data", "stats", "--data", data.toString(), "--json", "--list", "--sampling", "7",
                "--seed", "3", "--validation-fraction", "0");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(Set.of("label_index", "splits"), fields(json));
        List<String> labels = new ArrayList<>();
        json.get("label_index").forEach(n -> labels.add(n.asText()));
        assertEquals(List.of("Hard_Edge_Stripes", "Pointillism", "Ukiyo_Waves"), labels);
        List<String> splitOrder = new ArrayList<>();
        json.get("splits").fieldNames().forEachRemaining(splitOrder::add);
        assertEquals(List.of("train", "test"), splitOrder);
        // By default a validation split is set aside, as in training: 1 of Pointillism's 5 images.
        JsonNode three = new ObjectMapper().readTree(CliRunner.run("data", "stats", "--data", data.toString(),
                "--json").out()).get("splits");
        List<String> parts = new ArrayList<>();
        three.fieldNames().forEachRemaining(parts::add);
        assertEquals(List.of("train", "validation", "test"), parts);
        assertEquals(4, three.get("train").get("classes").get("Pointillism").get("original").asInt());
        assertEquals(1, three.get("validation").get("classes").get("Pointillism").get("original").asInt());
        JsonNode train = json.get("splits").get("train");
        assertEquals(Set.of("classes", "skipped", "samples"), fields(train));
        assertEquals(Set.of("original", "resampled"), fields(train.get("classes").get("Pointillism")));
        assertEquals(5, train.get("classes").get("Pointillism").get("original").asInt());
        assertEquals(7, train.get("classes").get("Pointillism").get("resampled").asInt());
        assertEquals(1, train.get("skipped").size());
        assertEquals(Set.of("path", "reason"), fields(train.get("skipped").get(0)));
        assertTrue(train.get("skipped").get(0).get("path").asText().endsWith("broken.jpg"));
        assertEquals(21, train.get("samples").size());
        JsonNode test = json.get("splits").get("test");
        assertEquals(2, test.get("classes").get("Ukiyo_Waves").get("original").asInt());
        assertEquals(7, test.get("classes").get("Ukiyo_Waves").get("resampled").asInt());
        // Same seed, same order; another seed, another order.
        assertEquals(r.out(), CliRunner.run("data", "stats", "--data", data.toString(), "--json", "--list",
                "--sampling", "7", "--seed", "3", "--validation-fraction", "0").out());
        assertFalse(r.out().equals(CliRunner.run("data", "stats", "--data", data.toString(), "--json", "--list",
                "--sampling", "7", "--seed", "4", "--validation-fraction", "0").out()));
    }

    @Test
    void withoutListAndSamplingResampledEqualsOriginal() throws Exception {
        CliRunner r = CliRunner.run("data", "stats", "--data", data.toString(), "--json", "--split", "test");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(Set.of("test"), fields(json.get("splits")));
        JsonNode test = json.get("splits").get("test");
        assertEquals(Set.of("classes", "skipped"), fields(test));
        test.get("classes").forEach(c -> assertEquals(c.get("original").asInt(), c.get("resampled").asInt()));
    }

    @Test
    void tableShowsCountsAndSkippedFiles() {
        CliRunner r = CliRunner.run("data", "stats", "--data", data.toString(), "--split", "train", "--toy", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("broken.jpg"), r.out());
        assertTrue(r.out().matches("(?s).*Pointillism\\s+3\\s+3.*"), r.out());
        assertEquals(2, CliRunner.run("data", "stats", "--data", data.toString(), "--split", "validation").code());
        assertEquals(2, CliRunner.run("data", "stats", "--data", data.toString(), "--sampling", "median").code());
    }
}
