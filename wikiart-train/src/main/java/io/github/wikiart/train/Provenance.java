package io.github.wikiart.train;

import io.github.wikiart.data.Sample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a run came from: versions, seed and a fingerprint of the data listing. */
public final class Provenance {
    private Provenance() {
    }

    /**
     * SHA-256 over the samples' labels and paths, in order: two runs on the same listing (and
     * sampling) have the same fingerprint.
     *
     * @param samples the samples used
     * @return the hex digest
     */
    public static String fingerprint(List<Sample> samples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Sample s : samples) {
                digest.update((s.label() + "\t" + s.path() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The provenance record of a run.
     *
     * @param seed the run's seed
     * @param train training samples (after resampling)
     * @param test test samples
     * @return a map ready for {@code provenance.json}
     */
    public static Map<String, Object> of(long seed, List<Sample> train, List<Sample> test) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("wikiart_dl4j", versionOf(Provenance.class));
        m.put("deeplearning4j", versionOf(org.deeplearning4j.nn.multilayer.MultiLayerNetwork.class));
        m.put("nd4j_backend", org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName());
        m.put("train_fingerprint", fingerprint(train));
        m.put("test_fingerprint", fingerprint(test));
        m.put("train_images", train.size());
        m.put("test_images", test.size());
        m.put("created", java.time.OffsetDateTime.now().toString());
        return m;
    }

    /** @return this library's version (from the jar manifest), or {@code unknown} when run from classes */
    public static String libraryVersion() {
        return versionOf(Provenance.class);
    }

    private static String versionOf(Class<?> type) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
