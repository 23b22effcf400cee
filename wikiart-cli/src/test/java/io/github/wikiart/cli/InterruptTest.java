package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real signal path: {@code wikiart classify train} in a child JVM gets SIGTERM (what Ctrl-C's
 * SIGINT also triggers) while it trains; the shutdown hook makes the training write a checkpoint at
 * its next batch boundary, the run folder says {@code interrupted}, the console names the resume
 * command, and the run then resumes to the end.
 */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigtermCheckpointsAndTheRunResumes() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "3", "--train-per-style", "12",
                "--test-per-style", "2", "--size", "16", "--seed", "2").code());
        // A broken image: the library logs a warning, which train.log must hold too.
        Files.writeString(data.resolve("train/Pointillism/broken.jpg"), "not a jpeg");
        Path run = dir.resolve("run");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "classifier.epochs=400", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4",
                "--set", "classifier.hidden=16", "--set", "classifier.batch_size=4", "--run-dir", run.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Wait until a first epoch is done (its resume checkpoint exists), then SIGTERM.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(run.resolve("metrics.csv")) || Files.readAllLines(run.resolve("metrics.csv")).size() < 2) {
            assertTrue(child.isAlive(), Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no epoch finished: " + Files.readString(log));
            Thread.sleep(20);
        }
        child.destroy();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child did not stop: " + Files.readString(log));
        String output = Files.readString(log);
        assertEquals(128 + 15, child.exitValue(), output);
        assertTrue(output.contains("continue with: wikiart classify train --resume " + run), output);
        assertTrue(Files.readString(run.resolve("run-state.json")).contains("\"interrupted\""));
        String trainLog = Files.readString(run.resolve(ProgressBar.LOG));
        assertTrue(trainLog.contains("WARN") && trainLog.contains("broken.jpg"), trainLog);
        assertTrue(trainLog.contains("run folder: " + run), trainLog);

        CliRunner resumed = CliRunner.run("classify", "train", "--resume", run.toString(), "--set",
                "classifier.epochs=2", "--allow-change", "classifier.epochs");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.readString(run.resolve("run-state.json")).contains("\"finished\""));
    }
}
