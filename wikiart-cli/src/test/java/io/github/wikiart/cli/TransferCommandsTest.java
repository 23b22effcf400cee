package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferCommandsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path run;
    static Path judge;

    @BeforeAll
    static void trainTinyRuns() {
        data = dir.resolve("data");
        run = dir.resolve("transfer");
        judge = dir.resolve("judge");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "2", "--train-per-style", "6",
                "--test-per-style", "2", "--size", "16", "--seed", "4").code());
        CliRunner t = CliRunner.run("transfer", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "transfer.epochs=1", "--set", "transfer.width=4", "--set", "transfer.batch_size=4",
                "--run-dir", run.toString());
        assertEquals(0, t.code(), t.err());
        CliRunner j = CliRunner.run("classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "classifier.epochs=1", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4",
                "--set", "seed=77", "--run-dir", judge.toString());
        assertEquals(0, j.code(), j.err());
    }

    @Test
    void applyWritesOneImagePerInputAndRejectsUnknownStyles() throws Exception {
        Path image = data.resolve("test/Pointillism/img_00000.jpg");
        Path out = dir.resolve("applied");
        CliRunner ok = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Hard_Edge_Stripes",
                "--out", out.toString(), image.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isRegularFile(out.resolve("img_00000-Hard_Edge_Stripes.png")));
        CliRunner bad = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Baroque",
                image.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown style 'Baroque'; valid styles: Hard_Edge_Stripes, Pointillism"),
                bad.err());
    }

    @Test
    void gridWritesBothKinds() {
        assertEquals(0, CliRunner.run("transfer", "grid", "--run", run.toString(), "--count", "3").code());
        assertEquals(0, CliRunner.run("transfer", "grid", "--run", run.toString(), "--single-image").code());
        assertTrue(Files.isRegularFile(run.resolve("plots/transfer-grid.png")));
        assertTrue(Files.isRegularFile(run.resolve("plots/transfer-single-image.png")));
    }

    @Test
    void evalPrintsOneJsonObjectAndSavesIt() throws Exception {
        CliRunner r = CliRunner.run("transfer", "eval", "--run", run.toString(), "--judge", judge.toString(),
                "--content", data.resolve("test").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"hit_rate", "per_style_hit_rate", "style_spread", "content_retention"}) {
            assertTrue(json.has(key), key);
        }
        assertEquals(4, json.get("content_images").asInt());
        assertEquals(8, json.get("outputs").asInt());
        assertTrue(Files.isRegularFile(run.resolve("transfer-eval.json")));
    }
}
