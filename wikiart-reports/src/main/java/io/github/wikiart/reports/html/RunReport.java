package io.github.wikiart.reports.html;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One self-contained HTML page per run folder, {@code report.html}: what kind of run, its headline
 * numbers beside their baselines, every number of {@code summary.json}, the per-epoch metrics, every
 * plot the run drew (images referenced relative to the run folder, so the folder can be moved), the
 * resolved configuration and the provenance. No network access and no JavaScript; every value is
 * HTML-escaped ({@link Html}). Each headline number carries its {@code summary.json} key and raw value
 * ({@code data-key}, {@code data-value}) so tools can check the page against the file.
 */
public final class RunReport {
    /** The file name inside a run folder. */
    public static final String FILE = "report.html";

    private static final List<String> HEADLINES = List.of("test_accuracy", "best_test_accuracy", "macro_f1",
            "majority_baseline", "validation_accuracy", "best_epoch", "selected_by", "test_psnr_db",
            "best_test_psnr_db", "baseline_mean_image_psnr_db", "validation_psnr_db", "method", "training_seconds",
            "train_images_per_second", "stop_reason");

    private RunReport() {
    }

    /**
     * The kind of a run folder.
     *
     * @param runDir a run folder
     * @return {@code classifier}, {@code autoencoder}, {@code transfer} or {@code run}
     * @throws IOException when its description cannot be read
     */
    public static String kind(Path runDir) throws IOException {
        if (Files.isRegularFile(runDir.resolve("transfer-info.json"))) {
            return "transfer";
        }
        Path info = runDir.resolve("model-info.json");
        if (Files.isRegularFile(info)) {
            Object k = Json.read(info).get("kind");
            return k == null ? "run" : String.valueOf(k).toLowerCase(Locale.ROOT);
        }
        return "run";
    }

    /**
     * Writes {@code report.html} into a run folder.
     *
     * @param runDir the run folder
     * @return the page
     * @throws InvalidJobException when the folder is not a run folder (no {@code summary.json})
     * @throws IOException when a file cannot be read or the page written
     */
    public static Path write(Path runDir) throws IOException {
        Path summaryFile = runDir.resolve(RunFolder.SUMMARY);
        if (!Files.isRegularFile(summaryFile)) {
            throw new InvalidJobException("run: " + runDir + " holds no finished run (no summary.json)");
        }
        Map<String, Object> summary = Json.read(summaryFile);
        String kind = kind(runDir);
        StringBuilder h = new StringBuilder();
        page(h, kind + " run " + runDir.getFileName());
        h.append("<h1>").append(Html.escape(kind)).append(" run <code>").append(Html.escape(runDir.getFileName()))
                .append("</code></h1>\n");
        Object state = RunFolder.status(runDir).map(Object::toString).orElse("unknown");
        h.append("<p class=\"meta\">state: ").append(Html.escape(state)).append("</p>\n");

        h.append("<h2>Headline numbers</h2>\n<table class=\"headline\">\n");
        for (String key : HEADLINES) {
            if (summary.containsKey(key) && summary.get(key) != null) {
                h.append("<tr><th>").append(Html.escape(key)).append("</th><td data-key=\"").append(Html.escape(key))
                        .append("\" data-value=\"").append(Html.escape(summary.get(key))).append("\">")
                        .append(Html.escape(format(summary.get(key)))).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");

        Path evaluation = runDir.resolve("transfer-eval.json");
        if (Files.isRegularFile(evaluation)) {
            h.append("<h2>Transfer evaluation</h2>\n");
            scalars(h, Json.read(evaluation));
        }
        Path latent = Files.isRegularFile(runDir.resolve("latent.json")) ? runDir.resolve("latent.json")
                : runDir.resolve("plots/latent.json");
        if (Files.isRegularFile(latent)) {
            h.append("<h2>Latent space</h2>\n");
            scalars(h, Json.read(latent));
        }
        List<Path> images = plots(runDir);
        if (!images.isEmpty()) {
            h.append("<h2>Plots</h2>\n");
            for (Path image : images) {
                String rel = runDir.relativize(image).toString().replace('\\', '/');
                h.append("<figure><img src=\"").append(Html.escape(rel)).append("\" alt=\"").append(Html.escape(rel))
                        .append("\"><figcaption>").append(Html.escape(rel)).append("</figcaption></figure>\n");
            }
        }
        Path metrics = runDir.resolve(RunFolder.METRICS);
        if (Files.isRegularFile(metrics)) {
            h.append("<h2>Per epoch (metrics.csv)</h2>\n");
            csvTable(h, Files.readAllLines(metrics, StandardCharsets.UTF_8));
        }
        h.append("<h2>Every number (summary.json)</h2>\n");
        scalars(h, summary);
        pre(h, "Configuration (config.yaml)", runDir.resolve(RunFolder.CONFIG));
        pre(h, "Provenance (provenance.json)", runDir.resolve(RunFolder.PROVENANCE));
        h.append("</body>\n</html>\n");
        Path out = runDir.resolve(FILE);
        AtomicFiles.writeString(out, h.toString());
        return out;
    }

    /**
     * Writes {@code index.html} into a folder of runs: one row per run folder below it (at any
     * depth) with its kind, headline numbers and a link to its report, whose missing reports are
     * written first.
     *
     * @param runsDir the folder
     * @return the index page
     * @throws InvalidJobException when the folder holds no finished run
     * @throws IOException when a file cannot be read or written
     */
    public static Path writeIndex(Path runsDir) throws IOException {
        List<Path> runs;
        try (Stream<Path> s = Files.walk(runsDir)) {
            runs = s.filter(p -> Files.isRegularFile(p.resolve(RunFolder.SUMMARY))).sorted().toList();
        }
        if (runs.isEmpty()) {
            throw new InvalidJobException("runs: no finished run under " + runsDir);
        }
        StringBuilder h = new StringBuilder();
        page(h, "runs under " + runsDir.getFileName());
        h.append("<h1>Runs under <code>").append(Html.escape(runsDir)).append("</code></h1>\n<table>\n")
                .append("<tr><th>run</th><th>kind</th><th>headline</th></tr>\n");
        for (Path run : runs) {
            if (!Files.isRegularFile(run.resolve(FILE))) {
                write(run);
            }
            Map<String, Object> summary = Json.read(run.resolve(RunFolder.SUMMARY));
            List<String> numbers = new ArrayList<>();
            for (String key : HEADLINES.subList(0, 12)) {
                if (summary.get(key) != null) {
                    numbers.add(key + " " + format(summary.get(key)));
                }
            }
            String rel = runsDir.relativize(run).toString().replace('\\', '/');
            h.append("<tr><td><a href=\"").append(Html.escape(rel + "/" + FILE)).append("\">").append(Html.escape(rel))
                    .append("</a></td><td>").append(Html.escape(kind(run))).append("</td><td>")
                    .append(Html.escape(String.join(", ", numbers))).append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        Path out = runsDir.resolve("index.html");
        AtomicFiles.writeString(out, h.toString());
        return out;
    }

    private static void page(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;")
                .append("margin:0.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}")
                .append("img{max-width:100%;border:1px solid #ddd}figure{display:inline-block;margin:0.5em}")
                .append("pre{background:#f6f6f6;padding:0.5em;overflow:auto}.meta{color:#555}\n")
                .append("</style>\n</head>\n<body>\n");
    }

    private static List<Path> plots(Path runDir) throws IOException {
        Path plots = runDir.resolve("plots");
        if (!Files.isDirectory(plots)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(plots)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")).sorted()
                    .toList();
        }
    }

    /** The scalar entries of a JSON object (nested objects and lists are summarised). */
    private static void scalars(StringBuilder h, Map<String, Object> json) {
        h.append("<table>\n");
        for (Map.Entry<String, Object> e : json.entrySet()) {
            Object v = e.getValue();
            String shown = v instanceof Map<?, ?> || v instanceof List<?> ? io.github.wikiart.train.Json.toText(v)
                    : format(v);
            h.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td>");
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                h.append("<pre>").append(Html.escape(shown)).append("</pre>");
            } else {
                h.append(Html.escape(shown));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void csvTable(StringBuilder h, List<String> lines) {
        h.append("<table>\n");
        for (int i = 0; i < lines.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            h.append("<tr>");
            for (String c : lines.get(i).split(",", -1)) {
                h.append('<').append(cell).append('>').append(Html.escape(c)).append("</").append(cell).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void pre(StringBuilder h, String title, Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            h.append("<h2>").append(Html.escape(title)).append("</h2>\n<pre>")
                    .append(Html.escape(Files.readString(file, StandardCharsets.UTF_8))).append("</pre>\n");
        }
    }

    private static String format(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(v);
    }
}
