package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @Test
    void overviewListsEveryCommand() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.code());
        for (Command c : List.of(new SynthCommand(), new DataStatsCommand(), new ConfigCheckCommand(), new DemoCommand())) {
            assertTrue(r.out().contains(c.name()), c.name());
        }
        assertEquals(2, CliRunner.run().code());
        assertTrue(CliRunner.run("--version").out().startsWith("wikiart "));
    }

    @Test
    void everyCommandHelpShowsAnExample() {
        for (String[] cmd : List.of(new String[] {"synth"}, new String[] {"data", "stats"},
                new String[] {"config", "check"}, new String[] {"demo"})) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            CliRunner r = CliRunner.run(args);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Example:\n  wikiart " + String.join(" ", cmd)), r.out());
        }
    }

    @Test
    void userErrorsExitWithTwoAndSayWhat() {
        CliRunner unknown = CliRunner.run("data", "stat");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("did you mean 'data stats'"), unknown.err());
        CliRunner badFlag = CliRunner.run("synth", "--out", "x", "--colour", "red");
        assertEquals(2, badFlag.code());
        assertTrue(badFlag.err().contains("--colour"), badFlag.err());
        CliRunner missing = CliRunner.run("data", "stats", "--data", "/no/such/folder");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("/no/such/folder"), missing.err());
        CliRunner badNumber = CliRunner.run("synth", "--out", "x", "--styles", "many");
        assertEquals(2, badNumber.code());
        assertTrue(badNumber.err().contains("--styles: expected a whole number, got 'many'"), badNumber.err());
        CliRunner range = CliRunner.run("synth", "--out", "x", "--styles", "99");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("1..10"), range.err());
    }

    @Test
    void internalErrorsExitWithOne() {
        assertEquals(1, ExitCodes.of(new IllegalStateException("bug")));
        assertEquals(1, ExitCodes.of(new java.io.IOException("disk full")));
        assertEquals(2, ExitCodes.of(new UserException("bad")));
        assertEquals(2, ExitCodes.of(new java.nio.file.NoSuchFileException("x")));
    }

    @Test
    void configCheckPrintsResolvedConfigOrNamesTheTypo(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "seed: 9\ndata:\n  image_size: 104\n  train_sampling: mean\n");
        CliRunner ok = CliRunner.run("config", "check", "-c", good.toString(), "--set", "data.toy_sample=50");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("seed: 9"), ok.out());
        assertTrue(ok.out().contains("image_size: 104"), ok.out());
        assertTrue(ok.out().contains("toy_sample: 50"), ok.out());
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "seed: 9\ndata:\n  train_samplng: mean\n");
        CliRunner bad = CliRunner.run("config", "check", "-c", typo.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("line 3") && bad.err().contains("did you mean 'data.train_sampling'"), bad.err());
        CliRunner badSet = CliRunner.run("config", "check", "--set", "data.image_size=huge");
        assertEquals(2, badSet.code());
        assertTrue(badSet.err().contains("huge"), badSet.err());
        assertEquals(2, CliRunner.run("config", "check", "-c", dir.resolve("none.yaml").toString()).code());
    }

    @Test
    void synthRefusesToOverwriteUnlessAsked(@TempDir Path dir) {
        String out = dir.toString();
        assertEquals(0, CliRunner.run("synth", "--out", out, "--styles", "2", "--train-per-style", "2",
                "--test-per-style", "1", "--size", "16").code());
        CliRunner again = CliRunner.run("synth", "--out", out, "--styles", "2", "--size", "16");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--overwrite"), again.err());
        assertEquals(0, CliRunner.run("synth", "--out", out, "--styles", "2", "--size", "16", "--overwrite").code());
    }
}
