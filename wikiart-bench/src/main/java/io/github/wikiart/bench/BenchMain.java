package io.github.wikiart.bench;

import io.github.wikiart.bench.pytorch.CpuCaches;
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
 * {@code wikiart bench [--json] [--quick] [--pipeline] [--profile ROW]}: every network in DL4J and
 * in PyTorch (through DJL), alternating row by row in one process, after warm-up; medians of at
 * least 5 timed steps and 2 seconds with min and max; then the data-pipeline benchmark
 * ({@code --pipeline}: only that). {@code --profile} prints one row's op-by-op profile in both
 * frameworks instead ({@link OpProfile}). Before a row is timed, its two networks run on the same
 * weights and batch ({@link TwinCheck}); a row whose twin computes something else shows
 * "invalid" instead of a ratio. Exit codes: 0 success, 2 bad flag, 1 failure.
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
        boolean pipelineOnly = false;
        String profile = null;
        List<String> names = Networks.rows().stream().map(r -> (String) r[0]).toList();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--quick" -> quick = true;
                case "--pipeline" -> pipelineOnly = true;
                case "--profile" -> {
                    profile = i + 1 < args.length ? args[++i] : null;
                    if (!names.contains(profile)) {
                        err.println("wikiart bench: --profile needs a row name, one of " + String.join(", ", names)
                                + (profile == null ? "" : "; got '" + profile + "'"));
                        return 2;
                    }
                }
                case "--help", "-h" -> {
                    out.println("Usage: wikiart bench [--json] [--quick] [--pipeline] [--profile ROW]");
                    out.println();
                    out.println("Trains and runs every network in DL4J and in PyTorch (DJL), alternating, after warm-up;");
                    out.println("prints medians of at least 5 timed steps and 2 seconds (3 steps with --quick) with min");
                    out.println("and max, and the ratios; then the data-pipeline benchmark.");
                    out.println("--pipeline runs only the data-pipeline benchmark (JPEG files against memory, about 1 minute).");
                    out.println("--profile ROW instead prints where one row spends its time, op by op, in both frameworks");
                    out.println("(rows: " + String.join(", ", names) + ").");
                    out.println();
                    out.println("Example:");
                    out.println("  wikiart bench --quick");
                    out.println("  wikiart bench --json > bench.json");
                    out.println("  wikiart bench --pipeline");
                    out.println("  wikiart bench --profile stylenet-64");
                    return 0;
                }
                default -> {
                    err.println("wikiart bench: unknown flag '" + args[i] + "'; run 'wikiart bench --help'");
                    return 2;
                }
            }
        }
        if (profile != null) {
            return profile(profile, json, out, err, peer);
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
        if (pipelineOnly) {
            out.println(json ? Json.toText(Map.of("pipeline", pipeline)) : pipelineLine(pipeline));
            return 0;
        }
        if (peer != null && CpuCaches.hidden()) {
            err.println("bench: warning: CPU caches " + CpuCaches.describe());
        }
        List<BenchRow> rows = new ArrayList<>();
        try {
            for (Object[] row : Networks.rows()) {
                String name = (String) row[0];
                int batch = (Integer) row[1];
                err.printf("bench: %s, batch %d: DL4J...%n", name, batch);
                Measurement d = Networks.measureDl4j(name, batch, plan);
                Measurement p = null;
                TwinCheck check = null;
                if (peer != null) {
                    err.printf("bench: %s: checking that both compute the same function...%n", name);
                    check = peer.check(name);
                    err.printf("bench: %s, batch %d: %s...%n", name, batch, peer.name());
                    p = peer.measure(name, batch, plan);
                }
                rows.add(new BenchRow(name, batch, d, p, check));
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
            out.println(pipelineLine(pipeline));
            out.println("machine: " + machine(peer, plan));
        }
        return 0;
    }

    /** @return the data-pipeline benchmark's results as one readable line */
    static String pipelineLine(Map<String, Object> pipeline) {
        return String.format(Locale.ROOT, "data pipeline, original classifier at 416 px (median of %s blocks of %s epochs of %s images): "
                + "%.1f [%.1f-%.1f] img/s from JPEG files, %.1f [%.1f-%.1f] img/s from memory (%.0f%%); "
                + "peak extra memory %s MB vs %s MB; CPU in use %.2f vs %.2f cores; the pipeline's own work "
                + "%.2f ms per image on one core (JPEG decoder: %s)", pipeline.get("rounds"),
                pipeline.get("epochs_per_block"), pipeline.get("images"),
                (Double) pipeline.get("disk_ips"), (Double) pipeline.get("disk_min_ips"),
                (Double) pipeline.get("disk_max_ips"), (Double) pipeline.get("memory_ips"),
                (Double) pipeline.get("memory_min_ips"), (Double) pipeline.get("memory_max_ips"),
                100 * (Double) pipeline.get("disk_over_memory"), pipeline.get("disk_peak_rss_mb"),
                pipeline.get("memory_peak_rss_mb"), (Double) pipeline.get("disk_cpu_cores"),
                (Double) pipeline.get("memory_cpu_cores"), (Double) pipeline.get("pipeline_ms_per_image_one_thread"),
                pipeline.get("jpeg_decoder"));
    }

    /** Prints the op profiles of one row: the 15 largest ops of each framework, or all as JSON. */
    private static int profile(String name, boolean json, PrintStream out, PrintStream err, Peer peer) {
        int batch = Networks.rows().stream().filter(r -> r[0].equals(name)).map(r -> (Integer) r[1]).findFirst()
                .orElseThrow();
        int steps = 5;
        OpProfile.Result d;
        OpProfile.Result p = null;
        try {
            err.printf("bench: profiling %s, batch %d, in DL4J...%n", name, batch);
            d = OpProfile.dl4j(name, batch, steps);
            if (peer instanceof PyTorchPeer torch) {
                err.printf("bench: profiling %s, batch %d, in %s...%n", name, batch, peer.name());
                p = OpProfile.pytorch(torch, name, batch, steps);
            }
        } catch (java.io.IOException | RuntimeException e) {
            err.println("wikiart bench: profiling failed: " + e);
            return 1;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("network", name);
            m.put("batch", batch);
            m.put("steps", steps);
            m.put("dl4j", profileJson(d));
            m.put("pytorch", p == null ? null : profileJson(p));
            out.println(Json.toText(m));
            return 0;
        }
        out.printf(Locale.ROOT, "profile of %s, batch %d: per step = one training step + one inference step, "
                + "mean of %d after 2 untimed%n", name, batch, steps);
        printProfile(out, "DL4J (ND4J op profiler)", d);
        if (p != null) {
            printProfile(out, peer.name() + " (PyTorch profiler, self times)", p);
        }
        return 0;
    }

    private static Map<String, Object> profileJson(OpProfile.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_ms_per_step", r.wallMs());
        m.put("op_ms_per_step", r.opMs());
        return m;
    }

    private static void printProfile(PrintStream out, String title, OpProfile.Result r) {
        out.printf(Locale.ROOT, "%s: %.1f ms wall per step while profiled, %.1f ms in ops%n", title, r.wallMs(),
                r.totalOpMs());
        r.opMs().entrySet().stream().limit(15).forEach(e ->
                out.printf(Locale.ROOT, "  %8.2f ms  %s%n", e.getValue(), e.getKey()));
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
                    ratio(r), cell(r.dl4j().infer()), r.pytorch() == null ? "n/a" : cell(r.pytorch().infer()),
                    r.comparable() ? ratio(r.inferRatio()) : ratio(r)));
        }
        sb.append("(median [min-max] over the timed steps; ratio = DL4J / PyTorch medians)");
        if (peer != null) {
            sb.append(String.format("%ntwin check (same weights and batch in both; dropout off):"));
            for (BenchRow r : rows) {
                sb.append(String.format("%n  %-26s %s", r.network(),
                        r.check() == null ? "not checked (the peer has no check for this network)" : r.check().describe()));
            }
        }
        return sb.toString();
    }

    private static String cell(double[] v) {
        return String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", Measurement.median(v), Measurement.min(v),
                Measurement.max(v));
    }

    /** The training ratio, or "invalid" when the twin check failed. */
    private static String ratio(BenchRow r) {
        return r.pytorch() != null && !r.comparable() ? "invalid" : ratio(r.trainRatio());
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
        if (peer != null) {
            m.put("cpu_caches", CpuCaches.describe());
        }
        m.put("warmup_steps", plan.warmup());
        m.put("timed_steps_min", plan.minSteps());
        m.put("timed_seconds_min", plan.minSeconds());
        return m;
    }
}
