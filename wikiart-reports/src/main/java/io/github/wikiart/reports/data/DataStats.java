package io.github.wikiart.reports.data;

import io.github.wikiart.data.ClassCount;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.PreparedSplit;
import io.github.wikiart.data.Sample;
import io.github.wikiart.data.Sampling;
import io.github.wikiart.data.SkippedFile;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of a dataset folder ({@code wikiart data stats}): the label index and, per split,
 * the images per style before and after resampling, the skipped files and the samples in sampling
 * order.
 *
 * @param dataset the loaded dataset, with the splits asked for
 * @param options how it was loaded (sampling, toy sample, seed)
 */
public record DataStats(WikiArtDataset dataset, DataOptions options) {
    /**
     * Loads and counts.
     *
     * @param options the dataset folder and its preparation
     * @param train whether to report the train split
     * @param test whether to report the test split
     * @return the statistics
     * @throws InvalidJobException when the folder does not exist or no split is asked for
     * @throws IOException when the folder cannot be read
     */
    public static DataStats of(DataOptions options, boolean train, boolean test) throws IOException {
        if (!Files.isDirectory(options.root())) {
            throw new InvalidJobException("data folder: no such folder: " + options.root());
        }
        if (!train && !test) {
            throw new InvalidJobException("split: expected train, test or both");
        }
        return new DataStats(WikiArtDataset.load(options, train, test), options);
    }

    /**
     * The report as nested maps in the documented JSON schema.
     *
     * @param list whether to include the samples in sampling order
     * @return {@code {"label_index": [...], "splits": {...}}}
     */
    public Map<String, Object> toJson(boolean list) {
        Map<String, Object> splits = new LinkedHashMap<>();
        for (PreparedSplit split : dataset.splits().values()) {
            Map<String, Object> classes = new LinkedHashMap<>();
            for (Map.Entry<String, ClassCount> e : split.counts().entrySet()) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("original", e.getValue().original());
                counts.put("resampled", e.getValue().resampled());
                classes.put(e.getKey(), counts);
            }
            List<Map<String, Object>> skipped = new ArrayList<>();
            for (SkippedFile s : split.skipped()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", s.path().toString());
                entry.put("reason", s.reason());
                skipped.add(entry);
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("classes", classes);
            report.put("skipped", skipped);
            if (list) {
                report.put("samples", split.samples().stream().map(s -> s.path().toString()).toList());
            }
            splits.put(split.name(), report);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label_index", dataset.labelIndex().names());
        json.put("splits", splits);
        return json;
    }

    /**
     * The report as a table for people: per split the counts per style, the skipped files and,
     * when asked, the samples.
     *
     * @param list whether to include the samples in sampling order
     * @return the text, one line per row
     */
    public String toText(boolean list) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        WikiArtDataset data = dataset;
        Sampling sampling = options.trainSampling();
        out.printf("label index (%d styles): %s%n", data.labelIndex().size(), String.join(", ", data.labelIndex().names()));
        for (PreparedSplit split : data.splits().values()) {
            out.println();
            out.printf("%s: %s   (sampling: %s)%n", split.name(), split.dir(), sampling);
            int width = Math.max(5, split.counts().keySet().stream().mapToInt(String::length).max().orElse(5));
            out.printf("  %-" + width + "s %9s %10s%n", "style", "original", "resampled");
            int original = 0;
            int resampled = 0;
            for (Map.Entry<String, ClassCount> e : split.counts().entrySet()) {
                out.printf("  %-" + width + "s %9d %10d%n", e.getKey(), e.getValue().original(), e.getValue().resampled());
                original += e.getValue().original();
                resampled += e.getValue().resampled();
            }
            out.printf("  %-" + width + "s %9d %10d%n", "total", original, resampled);
            if (split.skipped().isEmpty()) {
                out.println("  skipped: none");
            } else {
                out.printf("  skipped (%d):%n", split.skipped().size());
                for (SkippedFile s : split.skipped()) {
                    out.printf("    %s: %s%n", s.path(), s.reason());
                }
            }
            if (list) {
                out.println("  samples in sampling order:");
                for (Sample s : split.samples()) {
                    out.println("    " + s.path());
                }
            }
        }
        out.flush();
        return text.toString();
    }

    /**
     * @param list whether to include the samples
     * @return {@link #toJson(boolean)} as indented JSON text
     */
    public String toJsonText(boolean list) {
        return Json.toText(toJson(list));
    }
}
