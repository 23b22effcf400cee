package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.train.config.ConfigSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README is part of the feature: it must document every key and command, and CI's command. */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeHoldsTheCurrentConfigTable() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String table = ConfigSchema.markdownTable();
        assertTrue(readme.contains(table), "README.md must contain the config table exactly as the code renders it:\n"
                + table);
    }

    @Test
    void readmeDocumentsEveryCommand() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (Command c : Cli.standard(new Console(System.out, System.err)).commands()) {
            assertTrue(readme.contains("`wikiart " + c.name()), "README.md does not document 'wikiart " + c.name() + "'");
        }
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws Exception {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        Matcher m = Pattern.compile("(?m)^(\\./mvnw [^\\n]*verify[^\\n]*)$").matcher(ci);
        assertTrue(m.find(), ".ci/run must run a ./mvnw verify command");
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(readme.contains(m.group(1)), "README.md must give the test command of .ci/run: " + m.group(1));
        assertTrue(ci.contains("./wikiart demo"), ".ci/run should also run the demo");
    }
}
