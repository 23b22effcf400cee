package io.github.wikiart.bench;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.nd4j.linalg.profiler.data.StringAggregator;

/**
 * Where one benchmark row spends its time, op by op, in DL4J (ND4J's op profiler) and in PyTorch
 * (its own profiler, through DJL): {@code ./wikiart bench --profile ROW}. Both run the same
 * number of training and inference steps after warm-up; the op times are per step (a training
 * step plus an inference step), PyTorch's as self times (nested ops not counted twice).
 */
public final class OpProfile {
    private OpProfile() {
    }

    /**
     * One framework's profile.
     *
     * @param wallMs wall time of one training plus one inference step while profiled, ms
     * @param opMs time per op name per step, ms, largest first
     */
    public record Result(double wallMs, Map<String, Double> opMs) {
        /** @return the sum of the op times per step, ms */
        public double totalOpMs() {
            return opMs.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * Profiles a row in DL4J.
     *
     * @param network the row
     * @param batch batch size
     * @param steps profiled steps (after 2 untimed ones)
     * @return the profile
     */
    public static Result dl4j(String network, int batch, int steps) {
        Networks.Steps s = Networks.dl4j(network, batch);
        for (int i = 0; i < 2; i++) {
            s.train().run();
            s.infer().run();
        }
        Collector collector = new Collector();
        OpProfiler profiler = OpProfiler.getInstance();
        profiler.reset();
        profiler.setLongAggergator(collector);
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().notOptimalArguments(false)
                .stackTrace(false).build());
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        long t = System.nanoTime();
        try {
            for (int i = 0; i < steps; i++) {
                s.train().run();
                s.infer().run();
            }
        } finally {
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        }
        double wall = (System.nanoTime() - t) / 1e6 / steps;
        return new Result(wall, sorted(collector.nanos, steps));
    }

    /**
     * Profiles a row in PyTorch.
     *
     * @param peer the PyTorch peer
     * @param network the row
     * @param batch batch size
     * @param steps profiled steps (after 2 untimed ones)
     * @return the profile
     * @throws IOException when the trace cannot be written or read
     */
    public static Result pytorch(PyTorchPeer peer, String network, int batch, int steps) throws IOException {
        Path trace = Files.createTempFile("wikiart-pytorch-trace", ".json");
        try {
            peer.measure(network, batch, new StepPlan(2, 1, 0));
            JniUtils.startProfile(false, false, false);
            long t = System.nanoTime();
            peer.measure(network, batch, new StepPlan(0, steps, 0));
            double wall = (System.nanoTime() - t) / 1e6 / steps;
            JniUtils.stopProfile(trace.toString());
            return new Result(wall, sorted(selfTimes(trace), steps));
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    /**
     * Self time per op name in a Chrome trace of complete events ({@code "ph": "X"}): an event's
     * duration minus that of the events nested directly in it on the same thread.
     *
     * @param trace the trace file
     * @return nanoseconds per op name
     * @throws IOException when it cannot be read
     */
    static Map<String, Long> selfTimes(Path trace) throws IOException {
        JsonArray events;
        try (Reader r = Files.newBufferedReader(trace)) {
            JsonElement root = JsonParser.parseReader(r);
            events = root.isJsonArray() ? root.getAsJsonArray() : root.getAsJsonObject().getAsJsonArray("traceEvents");
        }
        Map<String, List<double[]>> byThread = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonElement e : events) {
            JsonObject o = e.getAsJsonObject();
            if (!o.has("ph") || !"X".equals(o.get("ph").getAsString()) || !o.has("dur")) {
                continue;
            }
            names.add(o.get("name").getAsString());
            byThread.computeIfAbsent(String.valueOf(o.get("tid")), k -> new ArrayList<>())
                    .add(new double[] {o.get("ts").getAsDouble(), o.get("dur").getAsDouble(), names.size() - 1, 0});
        }
        Map<String, Long> self = new HashMap<>();
        for (List<double[]> list : byThread.values()) {
            list.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> -a[1]));
            Deque<double[]> open = new ArrayDeque<>();
            for (double[] ev : list) {
                while (!open.isEmpty() && open.peek()[0] + open.peek()[1] <= ev[0]) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    open.peek()[3] += ev[1];
                }
                open.push(ev);
            }
            for (double[] ev : list) {
                self.merge(names.get((int) ev[2]), Math.round((ev[1] - ev[3]) * 1000), Long::sum);
            }
        }
        return self;
    }

    private static Map<String, Double> sorted(Map<String, Long> nanos, int steps) {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue() / 1e6 / steps));
        return out;
    }

    /** Receives ND4J's per-op times, keyed like "CustomOp conv2d_bp (hash)": summed per op name. */
    private static final class Collector extends StringAggregator {
        private final Map<String, Long> nanos = new HashMap<>();

        @Override
        public void putTime(String key, Op op, long time) {
            add(key, time);
        }

        @Override
        public void putTime(String key, CustomOp op, long time) {
            add(key, time);
        }

        @Override
        public void putTime(String key, long time) {
            add(key, time);
        }

        private synchronized void add(String key, long time) {
            nanos.merge(opName(key), time, Long::sum);
        }
    }

    /** @param key "CustomOp conv2d_bp (123)" @return "conv2d_bp" (the key itself when not of that form) */
    static String opName(String key) {
        String[] parts = key.split(" ");
        return parts.length == 3 && parts[2].startsWith("(") ? parts[1] : key;
    }
}
