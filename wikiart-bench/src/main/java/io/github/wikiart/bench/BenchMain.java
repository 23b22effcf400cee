package io.github.wikiart.bench;

import io.github.wikiart.train.Json;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wikiart bench [--json] [--quick]}: every network in DL4J and in PyTorch (through DJL),
 * alternating row by row in one process, after warm-up; medians of at least 5 timed steps with
 * min and max; then the data-pipeline benchmark. Exit codes: 0 success, 2 bad flag, 1 failure.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * @param args {@code --json}, {@code --quick}, {@code --help}
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        int code = run(args, out, System.err, new PyTorchPeer());
        out.flush();
        System.exit(code);
    }

    /**
     * Runs the benchmark.
     *
     * @param args flags
     * @param out results
     * @param err progress and errors
     * @param peer the framework to compare with, or null
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Peer peer) {
        boolean json = false;
        boolean quick = false;
        for (String a : args) {
            switch (a) {
                case "--json" -> json = true;
                case "--quick" -> quick = true;
                case "--help", "-h" -> {
                    out.println("Usage: wikiart bench [--json] [--quick]");
                    out.println();
                    out.println("Trains and runs every network in DL4J and in PyTorch (DJL), alternating, after warm-up;");
                    out.println("prints medians of 5 timed steps (3 with --quick) with min and max, and the ratios.");
                    out.println();
                    out.println("Example:");
                    out.println("  wikiart bench --quick");
                    out.println("  wikiart bench --json > bench.json");
                    return 0;
                }
                default -> {
                    err.println("wikiart bench: unknown flag '" + a + "'; run 'wikiart bench --help'");
                    return 2;
                }
            }
        }
        StepPlan plan = quick ? new StepPlan(1, 3, 0) : new StepPlan(2, 5, 2.0);
        // The pipeline runs first, before PyTorch's thread pools exist in this process.
        Map<String, Object> pipeline;
        try {
            err.println("bench: data pipeline (original classifier, 416 px, from JPEG files vs from memory)...");
            pipeline = PipelineBench.run(quick ? 11 : 32, quick ? 1 : 5);
        } catch (java.io.IOException | RuntimeException e) {
            err.println("wikiart bench: the pipeline benchmark failed: " + e);
            return 1;
        }
        List<BenchRow> rows = new ArrayList<>();
        try {
            for (Object[] row : Networks.rows()) {
                String name = (String) row[0];
                int batch = (Integer) row[1];
                err.printf("bench: %s, batch %d: DL4J...%n", name, batch);
                Measurement d = Networks.measureDl4j(name, batch, plan);
                Measurement p = null;
                if (peer != null) {
                    err.printf("bench: %s, batch %d: %s...%n", name, batch, peer.name());
                    p = peer.measure(name, batch, plan);
                }
                rows.add(new BenchRow(name, batch, d, p));
            }
        } catch (RuntimeException e) {
            err.println("wikiart bench: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rows", rows.stream().map(BenchRow::toJson).toList());
            m.put("machine", machine(peer, plan));
            m.put("pipeline", pipeline);
            out.println(Json.toText(m));
        } else {
            out.println(table(rows, peer));
            out.printf(Locale.ROOT, "data pipeline, original classifier at 416 px (median epoch of %s, %s images): "
                    + "%.1f [%.1f-%.1f] img/s from JPEG files, %.1f [%.1f-%.1f] img/s from memory (%.0f%%); "
                    + "peak extra memory %s MB vs %s MB%n", pipeline.get("rounds"), pipeline.get("images"),
                    (Double) pipeline.get("disk_ips"), (Double) pipeline.get("disk_min_ips"),
                    (Double) pipeline.get("disk_max_ips"), (Double) pipeline.get("memory_ips"),
                    (Double) pipeline.get("memory_min_ips"), (Double) pipeline.get("memory_max_ips"),
                    100 * (Double) pipeline.get("disk_over_memory"), pipeline.get("disk_peak_rss_mb"),
                    pipeline.get("memory_peak_rss_mb"));
            out.println("machine: " + machine(peer, plan));
        }
        return 0;
    }

    /**
     * @param rows measured rows
     * @param peer the peer (for the column title)
     * @return a readable table
     */
    static String table(List<BenchRow> rows, Peer peer) {
        StringBuilder sb = new StringBuilder();
        String p = peer == null ? "peer" : "PyTorch";
        sb.append(String.format(Locale.ROOT, "%-26s %5s | %22s %22s %6s | %22s %22s %6s%n", "network", "batch",
                "DL4J train img/s", p + " train img/s", "ratio", "DL4J infer img/s", p + " infer img/s", "ratio"));
        for (BenchRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-26s %5d | %22s %22s %6s | %22s %22s %6s%n", r.network(), r.batch(),
                    cell(r.dl4j().train()), r.pytorch() == null ? "n/a" : cell(r.pytorch().train()),
                    ratio(r.trainRatio()), cell(r.dl4j().infer()), r.pytorch() == null ? "n/a" : cell(r.pytorch().infer()),
                    ratio(r.inferRatio())));
        }
        sb.append("(median [min-max] over the timed steps; ratio = DL4J / PyTorch medians)");
        return sb.toString();
    }

    private static String cell(double[] v) {
        return String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", Measurement.median(v), Measurement.min(v),
                Measurement.max(v));
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static Map<String, Object> machine(Peer peer, StepPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.version"));
        m.put("dl4j", "1.0.0-M2.1");
        m.put("peer", peer == null ? null : peer.name());
        m.put("warmup_steps", plan.warmup());
        m.put("timed_steps_min", plan.minSteps());
        m.put("timed_seconds_min", plan.minSeconds());
        return m;
    }
}
