package io.github.wikiart.reports.data;

import io.github.wikiart.data.ClassCount;
import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.PreparedSplit;
import io.github.wikiart.data.SkippedFile;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.reports.InvalidJobException;
import io.github.wikiart.train.Json;
import java.io.IOException;
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
     * @param list whether to include the samples
     * @return {@link #toJson(boolean)} as indented JSON text
     */
    public String toJsonText(boolean list) {
        return Json.toText(toJson(list));
    }
}
