package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quiet} prints only results and errors; every run folder keeps a {@code train.log}; progress has an ETA. */
class QuietAndLogTest {
    @TempDir
    Path dir;

    @Test
    void quietPrintsOnlyResultsAndTheRunFolderKeepsTheLog() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "2", "--train-per-style", "10",
                "--test-per-style", "2", "--size", "16", "--seed", "2").code());
        String[] train = {"classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=16", "--set",
            "classifier.epochs=2", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4", "--set",
            "classifier.hidden=16", "--set", "classifier.batch_size=4"};
        Path loud = dir.resolve("loud");
        CliRunner shown = CliRunner.run(concat(train, "--run-dir", loud.toString()));
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.err().contains("run folder: " + loud), shown.err());
        // Not a terminal: a line per quarter epoch, each with the time left.
        assertTrue(shown.err().lines().anyMatch(l -> l.startsWith("epoch 1/2 [") && l.contains("eta ")), shown.err());
        // The long steps outside the training loop: one line each when stderr is not a terminal.
        assertTrue(shown.err().lines().anyMatch(l -> l.startsWith("verifying train images 20/20  ")
                && l.contains("images/s")), shown.err());
        assertTrue(shown.err().contains("verifying test images 4/4  "), shown.err());
        CliRunner eval = CliRunner.run("classify", "eval", "--run", loud.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.err().lines().anyMatch(l -> l.startsWith("evaluating 4/4  ") && l.contains("images/s")),
                eval.err());
        List<String> log = Files.readAllLines(loud.resolve(ProgressBar.LOG));
        assertTrue(log.contains("run folder: " + loud), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("epoch 2/2: train loss")), log.toString());
        assertEquals(shown.err().lines().filter(l -> !l.isBlank()).toList(), log);

        Path quiet = dir.resolve("quiet");
        CliRunner q = CliRunner.run(concat(concat(train, "--run-dir", quiet.toString()), "--quiet"));
        assertEquals(0, q.code(), q.err());
        assertEquals("", q.err());
        assertTrue(q.out().contains("test accuracy"), q.out());
        assertTrue(Files.readString(quiet.resolve(ProgressBar.LOG)).contains("epoch 2/2: train loss"));
        CliRunner both = CliRunner.run(concat(train, "--quiet", "--verbose"));
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--quiet and --verbose exclude each other"), both.err());
    }

    @Test
    void durationsAreShort() {
        assertEquals("45s", ProgressBar.duration(44.6));
        assertEquals("3m05s", ProgressBar.duration(185));
        assertEquals("1h02m", ProgressBar.duration(3725));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
