package io.github.wikiart.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the comparison: a network at a batch size, measured in DL4J and, where a peer exists,
 * in PyTorch.
 *
 * @param network the network's name
 * @param batch batch size
 * @param dl4j DL4J's measurement
 * @param pytorch PyTorch's measurement, or null when there is no peer yet
 * @param check whether the two networks compute the same function, or null when the row has no
 *     check yet
 */
public record BenchRow(String network, int batch, Measurement dl4j, Measurement pytorch, TwinCheck check) {
    /**
     * A row without a twin check.
     *
     * @param network the network's name
     * @param batch batch size
     * @param dl4j DL4J's measurement
     * @param pytorch PyTorch's measurement, or null
     */
    public BenchRow(String network, int batch, Measurement dl4j, Measurement pytorch) {
        this(network, batch, dl4j, pytorch, null);
    }

    /** @return whether the ratios mean something: a peer, and no twin check that failed */
    public boolean comparable() {
        return pytorch != null && (check == null || check.agrees());
    }

    /** @return DL4J / PyTorch median training throughput, or NaN without a peer or with a failed check */
    public double trainRatio() {
        return !comparable() ? Double.NaN
                : Measurement.median(dl4j.train()) / Measurement.median(pytorch.train());
    }

    /** @return DL4J / PyTorch median inference throughput, or NaN without a peer or with a failed check */
    public double inferRatio() {
        return !comparable() ? Double.NaN
                : Measurement.median(dl4j.infer()) / Measurement.median(pytorch.infer());
    }

    /** @return the row in the JSON schema of {@code wikiart bench --json} */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", network);
        m.put("batch", batch);
        m.put("dl4j_train_ips", Measurement.median(dl4j.train()));
        m.put("pytorch_train_ips", pytorch == null ? null : Measurement.median(pytorch.train()));
        m.put("dl4j_infer_ips", Measurement.median(dl4j.infer()));
        m.put("pytorch_infer_ips", pytorch == null ? null : Measurement.median(pytorch.infer()));
        m.put("dl4j_train_min", Measurement.min(dl4j.train()));
        m.put("dl4j_train_max", Measurement.max(dl4j.train()));
        m.put("pytorch_train_min", pytorch == null ? null : Measurement.min(pytorch.train()));
        m.put("pytorch_train_max", pytorch == null ? null : Measurement.max(pytorch.train()));
        m.put("train_ratio", comparable() ? trainRatio() : null);
        m.put("infer_ratio", comparable() ? inferRatio() : null);
        m.put("twin_check", check == null ? null : check.toJson());
        return m;
    }
}
