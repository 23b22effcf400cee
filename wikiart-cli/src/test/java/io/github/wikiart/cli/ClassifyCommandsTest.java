package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path run;

    @BeforeAll
    static void trainSmallRun() {
        data = dir.resolve("data");
        run = dir.resolve("run");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "3", "--train-per-style", "12",
                "--test-per-style", "4", "--size", "24", "--seed", "2").code());
        CliRunner r = CliRunner.run("classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=24",
                "--set", "classifier.epochs=2", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4",
                "--set", "classifier.hidden=16", "--set", "classifier.batch_size=8", "--run-dir", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test accuracy"), r.out());
        assertTrue(r.err().contains("images/s"), r.err());
    }

    @Test
    void trainWritesRunFolderWithPlotsAndConfig() throws Exception {
        for (String f : new String[] {"config.yaml", "summary.json", "plots/training-curves.png",
                "plots/confusion-matrix.png", "plots/class-counts.png"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("epochs: 2"));
        CliRunner again = CliRunner.run("classify", "train", "--set", "data.root=" + data, "--run-dir", run.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a finished run"), again.err());
        CliRunner noData = CliRunner.run("classify", "train", "--set", "data.root=" + dir.resolve("missing"));
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("data.root"), noData.err());
    }

    @Test
    void ctrlCLeavesAResumableRunThatRefusesAFreshStartAndOtherSettings() throws Exception {
        Path broken = dir.resolve("broken");
        String[] train = {"classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
            "--set", "classifier.epochs=2", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4",
            "--set", "classifier.hidden=16", "--set", "classifier.batch_size=8", "--run-dir", broken.toString()};
        CliRunner stopped = CliRunner.interrupted(train);
        assertEquals(ExitCodes.INTERRUPTED, stopped.code(), stopped.err());
        assertTrue(stopped.err().contains("interrupted in epoch 1 after 1 batches")
                && stopped.err().contains("continue with: wikiart classify train --resume " + broken), stopped.err());

        CliRunner fresh = CliRunner.run(train);
        assertEquals(2, fresh.code());
        assertTrue(fresh.err().contains("holds an unfinished run (interrupted") && fresh.err().contains("--resume")
                && fresh.err().contains("--overwrite"), fresh.err());

        CliRunner other = CliRunner.run("classify", "train", "--resume", broken.toString(), "--set",
                "classifier.hidden=32");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("classifier.hidden (was 16, now 32)"), other.err());
        CliRunner both = CliRunner.run("classify", "train", "--resume", broken.toString(), "--overwrite");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("exclude each other"), both.err());

        CliRunner resumed = CliRunner.run("classify", "train", "--resume", broken.toString(), "--set",
                "classifier.epochs=3", "--allow-change", "classifier.epochs");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(4, Files.readAllLines(broken.resolve("metrics.csv")).size());
        assertTrue(Files.readString(broken.resolve("config.yaml")).contains("epochs: 3"));
        assertTrue(Files.readString(broken.resolve("run-state.json")).contains("\"finished\""));

        CliRunner over = CliRunner.run(train[0], train[1], "--set", "data.root=" + data, "--set",
                "data.image_size=16", "--set", "classifier.epochs=1", "--set", "classifier.width=4",
                "--run-dir", broken.toString(), "--overwrite");
        assertEquals(0, over.code(), over.err());
        assertEquals(2, Files.readAllLines(broken.resolve("metrics.csv")).size());
    }

    @Test
    void seedsTrainOneRunPerSeedAndSummariseThem() throws Exception {
        Path seeds = dir.resolve("seeds");
        CliRunner r = CliRunner.run("classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "classifier.epochs=1", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4",
                "--set", "classifier.hidden=16", "--set", "classifier.batch_size=12", "--set",
                "classifier.lr_schedule=cosine", "--set", "data.augment=flip,crop", "--seeds", "3,4",
                "--run-dir", seeds.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 seeds: test accuracy mean"), r.out());
        assertTrue(Files.readString(seeds.resolve("seed-4/config.yaml")).contains("seed: 4"));
        assertTrue(Files.readString(seeds.resolve("seed-3/config.yaml")).contains("augment: flip,crop"));
        assertTrue(Files.isRegularFile(seeds.resolve("seed-3/plots/confusion-matrix.png")));
        JsonNode json = new ObjectMapper().readTree(seeds.resolve("seeds-summary.json").toFile());
        double a3 = new ObjectMapper().readTree(seeds.resolve("seed-3/summary.json").toFile())
                .get("test_accuracy").asDouble();
        double a4 = new ObjectMapper().readTree(seeds.resolve("seed-4/summary.json").toFile())
                .get("test_accuracy").asDouble();
        assertEquals((a3 + a4) / 2, json.get("test_accuracy").get("mean").asDouble(), 1e-12);
        assertEquals(2, json.get("runs").size());
        CliRunner bad = CliRunner.run("classify", "train", "--set", "data.root=" + data, "--seeds", "1,x");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--seeds"), bad.err());
    }

    @Test
    void evalReproducesTrainingAccuracy() throws Exception {
        CliRunner r = CliRunner.run("classify", "eval", "--run", run.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(json.get("training_test_accuracy").asDouble(), json.get("test_accuracy").asDouble());
        CliRunner table = CliRunner.run("classify", "eval", "--run", run.toString());
        assertTrue(table.out().contains("(identical)"), table.out());
    }

    @Test
    void evalOnDataWithOtherStylesIsAUserError() {
        Path other = dir.resolve("other");
        assertEquals(0, CliRunner.run("synth", "--out", other.toString(), "--styles", "4", "--train-per-style", "1",
                "--test-per-style", "1", "--size", "16").code());
        CliRunner r = CliRunner.run("classify", "eval", "--run", run.toString(), "--data", other.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("only in the data"), r.err());
    }

    @Test
    void predictReportsABadImageAndStillPredictsTheOthers() throws Exception {
        Path good = data.resolve("test/Pointillism/img_00000.jpg");
        Path bad = dir.resolve("broken.jpg");
        Files.writeString(bad, "nope");
        CliRunner r = CliRunner.run("classify", "predict", "--run", run.toString(), "--top", "2", bad.toString(),
                good.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("broken.jpg"), r.err());
        String line = r.out().strip();
        assertTrue(line.startsWith(good + ":"), line);
        assertEquals(2, line.split("  ").length - 1, "two styles with probabilities: " + line);
        assertEquals(2, CliRunner.run("classify", "predict", "--run", run.toString()).code());
        assertEquals(2, CliRunner.run("classify", "predict", "--run", run.toString(), "--checkpoint", "worst",
                good.toString()).code());
    }

    @Test
    void predictTakesFoldersAndGlobsAndPrintsJsonLinesOrCsvWithEveryFailure() throws Exception {
        Path photos = dir.resolve("photos");
        Files.createDirectories(photos.resolve("nested/deeper"));
        List<Path> good = new java.util.ArrayList<>();
        int n = 0;
        for (String style : new String[] {"Pointillism", "Ukiyo_Waves", "Hard_Edge_Stripes"}) {
            for (int i = 0; i < 2; i++) {
                Path target = photos.resolve(n % 3 == 0 ? "" : n % 3 == 1 ? "nested" : "nested/deeper")
                        .resolve(style + "-" + i + ".jpg");
                Files.copy(data.resolve("test/" + style + "/img_0000" + i + ".jpg"), target);
                good.add(target);
                n++;
            }
        }
        Files.writeString(photos.resolve("nested/broken.jpg"), "not a jpeg");
        Files.writeString(photos.resolve("notes.txt"), "not an image");
        Files.writeString(photos.resolve(".DS_Store"), "ignored");

        CliRunner r = CliRunner.run("classify", "predict", "--run", run.toString(), "--json", "--batch-size", "4",
                photos.toString());
        assertEquals(2, r.code(), r.err());
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = r.out().lines().toList();
        assertEquals(8, lines.size(), r.out());
        java.util.Map<String, String> errors = new java.util.TreeMap<>();
        java.util.Set<String> predicted = new java.util.TreeSet<>();
        for (String line : lines) {
            JsonNode json = mapper.readTree(line);
            if (json.has("error")) {
                errors.put(Path.of(json.get("path").asText()).getFileName().toString(), json.get("error").asText());
            } else {
                assertEquals(3, json.get("styles").size(), line);
                double sum = 0;
                for (JsonNode s : json.get("styles")) {
                    sum += s.get("probability").asDouble();
                }
                assertTrue(sum > 0.3 && sum <= 1.0 + 1e-6, line);
                predicted.add(json.get("path").asText());
            }
        }
        assertEquals(new java.util.TreeSet<>(good.stream().map(Path::toString).toList()), predicted);
        assertEquals(java.util.Set.of("broken.jpg", "notes.txt"), errors.keySet());
        assertTrue(errors.get("notes.txt").startsWith("not an image file"), errors.toString());
        assertTrue(r.err().contains("8 images: 6 predicted, 2 failed"), r.err());

        // The same predictions one at a time (batch size 1): batching changes only the last float
        // digits (other kernels for other batch sizes).
        List<String> single = CliRunner.run("classify", "predict", "--run", run.toString(), "--json", "--batch-size",
                "1", photos.toString()).out().lines().toList();
        assertEquals(lines.size(), single.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode a = mapper.readTree(lines.get(i));
            JsonNode b = mapper.readTree(single.get(i));
            assertEquals(a.get("path"), b.get("path"));
            if (a.has("styles")) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(a.get("styles").get(k).get("style"), b.get("styles").get(k).get("style"));
                    assertEquals(a.get("styles").get(k).get("probability").asDouble(),
                            b.get("styles").get(k).get("probability").asDouble(), 1e-6);
                }
            }
        }

        CliRunner csv = CliRunner.run("classify", "predict", "--run", run.toString(), "--csv", "--top", "1",
                photos + "/**/*.jpg");
        assertEquals(2, csv.code(), csv.err());
        List<String> rows = csv.out().lines().toList();
        assertEquals("path,rank,style,probability,error", rows.get(0));
        // The glob matches the 4 good images in subfolders and broken.jpg (** needs a folder).
        assertEquals(6, rows.size(), csv.out());
        assertTrue(rows.stream().anyMatch(row -> row.contains("broken.jpg,,,,")), csv.out());
        CliRunner none = CliRunner.run("classify", "predict", "--run", run.toString(), "--json",
                dir.resolve("nothing-*.jpg").toString());
        assertEquals(2, none.code());
        assertTrue(none.out().contains("no file matches this pattern"), none.out());
    }
}
