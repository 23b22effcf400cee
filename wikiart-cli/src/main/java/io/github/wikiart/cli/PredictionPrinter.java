package io.github.wikiart.cli;

import io.github.wikiart.reports.classifier.ClassifierPrediction;
import io.github.wikiart.train.classifier.Prediction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code classify predict} prints each image's prediction: text, JSON lines or CSV. */
enum PredictionPrinter {
    /** {@code path:  style p  style p}; failures on stderr. */
    TEXT,
    /** One JSON object per line, failures included. */
    JSON,
    /** {@code path,rank,style,probability,error}, one row per style or failure. */
    CSV;

    /** @param out where the header goes (CSV only) */
    void header(PrintStream out) {
        if (this == CSV) {
            out.println("path,rank,style,probability,error");
        }
    }

    /**
     * @param p one image's prediction or failure
     * @param console where to print
     */
    void print(ClassifierPrediction.ImagePrediction p, Console console) {
        switch (this) {
            case TEXT -> {
                if (p.error() != null) {
                    console.err().println("wikiart classify predict: " + p.image() + ": " + p.error());
                    return;
                }
                StringBuilder sb = new StringBuilder(p.image().toString()).append(':');
                for (Prediction s : p.predictions()) {
                    sb.append(String.format(Locale.ROOT, "  %s %.4f", s.style(), s.probability()));
                }
                console.out().println(sb);
            }
            case JSON -> console.out().println(json(p));
            case CSV -> {
                if (p.error() != null) {
                    console.out().println(csv(p.image().toString()) + ",,,," + csv(p.error()));
                    return;
                }
                int rank = 1;
                for (Prediction s : p.predictions()) {
                    console.out().println(csv(p.image().toString()) + "," + rank++ + "," + csv(s.style()) + ","
                            + String.format(Locale.ROOT, "%.6f", s.probability()) + ",");
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }

    private static String json(ClassifierPrediction.ImagePrediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", p.image().toString());
        if (p.error() != null) {
            m.put("error", p.error());
        } else {
            List<Map<String, Object>> styles = new ArrayList<>();
            for (Prediction s : p.predictions()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("style", s.style());
                one.put("probability", s.probability());
                styles.add(one);
            }
            m.put("styles", styles);
        }
        return JsonLines.of(m);
    }

    private static String csv(String field) {
        return Csv.field(field);
    }
}
