package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports of a classifier, an autoencoder and a transfer run trained on generated data
 * (one style named {@code Pop<script>}), opened in headless Chromium: no console errors, every
 * image loaded, the headline numbers equal {@code summary.json}, the style name rendered as text
 * (no script element but the checker's own), and a screenshot of each under {@code target/}.
 * Skipped, saying so, where no Chromium is installed ({@code .ci/run} installs Debian's).
 */
class ReportBrowserTest {
    private static final String CHECK = "<script>window.addEventListener('load',function(){"
            + "var imgs=Array.prototype.slice.call(document.images);"
            + "var bad=imgs.filter(function(i){return !(i.complete&&i.naturalWidth>0);}).map(function(i){"
            + "return i.getAttribute('src');});"
            + "var cells=Array.prototype.slice.call(document.querySelectorAll('[data-key]')).map(function(c){"
            + "return [c.getAttribute('data-key'),c.getAttribute('data-value')];});"
            + "document.body.setAttribute('data-check',JSON.stringify({images:imgs.length,bad:bad,cells:cells,"
            + "scripts:document.querySelectorAll('script').length,text:document.body.textContent.indexOf("
            + "'Pop<script>')>=0}));});</script>";

    @TempDir
    Path dir;

    @Test
    void reportsLoadInChromiumWithEveryImageAndTheSummaryNumbers() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(),
                "SKIPPED: no chromium or chromium-browser on PATH (apt-get install chromium); the HTML reports "
                        + "were not opened in a browser");
        Path data = dir.resolve("data");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "3", "--train-per-style", "10",
                "--test-per-style", "3", "--size", "16", "--seed", "2").code());
        for (String split : new String[] {"train", "test"}) {
            Files.move(data.resolve(split).resolve("Pointillism"), data.resolve(split).resolve("Pop<script>"));
        }
        List<Path> runs = new ArrayList<>();
        String[] common = {"--set", "data.root=" + data, "--set", "data.image_size=16"};
        runs.add(train(common, "classify", "--set", "classifier.epochs=2", "--set", "classifier.width=4",
                "--set", "classifier.gram_channels=4", "--set", "classifier.hidden=16"));
        runs.add(train(common, "autoencoder", "--set", "autoencoder.epochs=2", "--set", "autoencoder.width=4",
                "--set", "autoencoder.compare_every=1"));
        runs.add(train(common, "transfer", "--set", "transfer.epochs=1", "--set", "transfer.width=4",
                "--set", "transfer.batch_size=4"));
        // A transfer run draws its grids on request; the report then shows them.
        Path transfer = runs.get(2);
        assertEquals(0, CliRunner.run("transfer", "grid", "--run", transfer.toString(), "--count", "3").code());
        assertEquals(0, CliRunner.run("report", "--run", transfer.toString()).code());
        CliRunner index = CliRunner.run("report", "--runs", dir.resolve("runs").toString());
        assertEquals(0, index.code(), index.err());

        ObjectMapper mapper = new ObjectMapper();
        Path shots = Files.createDirectories(Path.of("target", "report-screenshots"));
        for (Path run : runs) {
            Path report = run.resolve("report.html");
            String html = Files.readString(report, StandardCharsets.UTF_8);
            assertTrue(!html.contains("Pop<script>") && html.contains("Pop&lt;script&gt;"), run.toString());
            Path check = run.resolve("check.html");
            Files.writeString(check, html.replace("</body>", CHECK + "</body>"), StandardCharsets.UTF_8);
            Chromium result = open(chromium.get(), check, "--dump-dom");
            Matcher m = Pattern.compile("data-check=\"([^\"]*)\"").matcher(result.stdout());
            assertTrue(m.find(), "the page did not load: " + result.stdout() + result.stderr());
            JsonNode checked = mapper.readTree(m.group(1).replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
            assertTrue(checked.get("images").asInt() >= 1, run + ": no image on the page");
            assertEquals(0, checked.get("bad").size(), run + ": images that did not load: " + checked.get("bad"));
            assertEquals(1, checked.get("scripts").asInt(), run + ": a value became a script element");
            JsonNode summary = mapper.readTree(run.resolve("summary.json").toFile());
            assertTrue(checked.get("cells").size() >= 2, run + ": no headline numbers");
            for (JsonNode cell : checked.get("cells")) {
                String key = cell.get(0).asText();
                assertEquals(summary.get(key).asText(), cell.get(1).asText(), run + ": " + key);
            }
            List<String> consoleErrors = result.stderr().lines()
                    .filter(l -> l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("rror")))
                    .toList();
            assertEquals(List.of(), consoleErrors, run.toString());
            String kind = run.getFileName().toString();
            open(chromium.get(), report, "--screenshot=" + shots.resolve(kind + ".png").toAbsolutePath(),
                    "--window-size=1280,2000");
            assertTrue(Files.size(shots.resolve(kind + ".png")) > 10_000, "screenshot of " + kind);
        }
        assertTrue(Files.readString(dir.resolve("runs/index.html")).contains("classify/report.html"));
    }

    private Path train(String[] common, String command, String... settings) {
        Path run = dir.resolve("runs").resolve(command);
        List<String> args = new ArrayList<>(List.of(command, "train"));
        args.addAll(List.of(common));
        args.addAll(List.of(settings));
        args.addAll(List.of("--run-dir", run.toString()));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(run.resolve("report.html")), command + " wrote no report.html");
        return run;
    }

    private record Chromium(String stdout, String stderr) {
    }

    private Chromium open(String chromium, Path page, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=10000"));
        cmd.addAll(List.of(extra));
        cmd.add(page.toAbsolutePath().toUri().toString());
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        return new Chromium(Files.readString(out), Files.readString(err));
    }

    private static Optional<String> chromium() {
        for (String name : new String[] {"chromium", "chromium-browser"}) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Optional.of(Path.of(d, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
