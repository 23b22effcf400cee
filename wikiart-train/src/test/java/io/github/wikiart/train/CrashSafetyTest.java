package io.github.wikiart.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.classifier.EpochResult;
import io.github.wikiart.train.loop.MetricsCsv;
import io.github.wikiart.train.loop.ResumeCheckpoint;
import io.github.wikiart.train.model.ModelFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training in a child JVM is killed with SIGKILL at 12 random moments (during start-up, training
 * and the checkpoint writes that follow every batch). After every kill each file of the run folder
 * reads back whole and the latest checkpoint loads; the run is then resumed (or started over when no
 * checkpoint was complete yet), and the run that finally finishes has exactly the parameters of an
 * uninterrupted one.
 */
class CrashSafetyTest {
    private static final int KILLS = 12;

    @TempDir
    Path dir;

    @Test
    void killedTwelveTimesTheRunStaysLoadableAndFinishesAsIfUninterrupted() throws Exception {
        Path data = dir.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(8).testPerStyle(2).size(16).seed(6).build().write(data);
        Path run = dir.resolve("run");
        Random moments = new Random(2026);
        int killed = 0;
        List<Long> delays = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            Process child = start(data, run);
            // Every third kill lands at a random moment of start-up; the others at a random moment
            // after the child trained its first batch, when a checkpoint is written after each batch.
            long delay = i % 3 == 0 ? moments.nextInt(2500) : 50 + moments.nextInt(1500);
            delays.add(delay);
            if (i % 3 != 0) {
                awaitTraining(child);
            }
            if (child.waitFor(delay, TimeUnit.MILLISECONDS)) {
                assertEquals(0, child.exitValue(), "the child failed: " + output(child));
                break;
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            killed++;
            assertIntact(run);
            if (ResumeCheckpoint.exists(run)) {
                positions.add(ResumeCheckpoint.read(run, EpochResult.CODEC).state().toJson().toString());
            }
        }
        assertTrue(killed >= 10, "only " + killed + " kills landed before the run finished: " + delays);
        // Most kills land during training, each after some progress: the checkpoints move on.
        assertTrue(positions.stream().distinct().count() >= 5, "checkpoints at kills: " + positions);
        Process last = start(data, run);
        assertTrue(last.waitFor(300, TimeUnit.SECONDS), "the resumed run did not finish");
        assertEquals(0, last.exitValue(), output(last));
        assertEquals(RunFolder.State.FINISHED, RunFolder.status(run).orElseThrow().state());
        assertIntact(run);
        try (Stream<Path> files = Files.walk(run)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }

        Path straight = dir.resolve("straight");
        ClassifierRun.train(KillableTraining.data(data), KillableTraining.options(), RunFolder.at(straight), List.of());
        assertArrayEquals(params(straight.resolve("model-last.zip")), params(run.resolve("model-last.zip")));
        assertEquals(Files.readAllLines(straight.resolve(MetricsCsv.FILE)).size(),
                Files.readAllLines(run.resolve(MetricsCsv.FILE)).size());
    }

    private static Process start(Path data, Path run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                System.getProperty("java.class.path"), KillableTraining.class.getName(), data.toString(), run.toString())
                .redirectErrorStream(true).redirectOutput(run.resolveSibling("child.log").toFile()).start();
    }

    private void awaitTraining(Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!output(child).contains(KillableTraining.TRAINING)) {
            assertTrue(child.isAlive(), "the child ended before training: " + output(child));
            assertTrue(System.nanoTime() < deadline, "the child did not start training: " + output(child));
            Thread.sleep(10);
        }
    }

    private String output(Process child) throws Exception {
        return Files.readString(dir.resolve("child.log"));
    }

    /** Every file the run has written so far reads back whole. */
    private static void assertIntact(Path run) throws Exception {
        if (!Files.isDirectory(run)) {
            return;
        }
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    continue; // an atomic write cut short: never under a real name, deleted on resume
                }
                if (name.endsWith(".json")) {
                    Json.read(f);
                } else if (name.endsWith(".zip")) {
                    assertTrue(ModelFiles.loadNetwork(f).params().length() > 100, f.toString());
                } else if (name.equals(MetricsCsv.FILE)) {
                    List<String> lines = Files.readAllLines(f);
                    int columns = lines.get(0).split(",").length;
                    for (String line : lines) {
                        assertEquals(columns, line.split(",").length, f + ": " + line);
                    }
                }
            }
        }
        if (ResumeCheckpoint.exists(run)) {
            ResumeCheckpoint.Saved<EpochResult> saved = ResumeCheckpoint.read(run, EpochResult.CODEC);
            assertTrue(Files.isRegularFile(saved.model()));
            assertEquals(saved.state().epoch() - 1, saved.results().size());
        }
    }

    private static float[] params(Path model) throws Exception {
        return ModelFiles.loadNetwork(model).params().toFloatVector();
    }
}
