package io.github.wikiart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchMainTest {
    @Test
    void medianMinMax() {
        assertEquals(3.0, Measurement.median(new double[] {5, 1, 3}));
        assertEquals(2.5, Measurement.median(new double[] {4, 1, 3, 2}));
        assertEquals(1.0, Measurement.min(new double[] {5, 1, 3}));
        assertEquals(5.0, Measurement.max(new double[] {5, 1, 3}));
    }

    @Test
    void rowJsonFollowsTheSchema() {
        BenchRow r = new BenchRow("net", 8, new Measurement(new double[] {10, 20, 30}, new double[] {100, 100, 100}),
                new Measurement(new double[] {20, 20, 20}, new double[] {50, 50, 50}));
        Map<String, Object> m = r.toJson();
        for (String key : List.of("network", "batch", "dl4j_train_ips", "pytorch_train_ips", "dl4j_infer_ips",
                "pytorch_infer_ips")) {
            assertTrue(m.containsKey(key), key);
        }
        assertEquals(1.0, r.trainRatio(), 1e-12);
        assertEquals(2.0, r.inferRatio(), 1e-12);
        BenchRow none = new BenchRow("net", 8, r.dl4j(), null);
        assertNull(none.toJson().get("pytorch_train_ips"));
        assertTrue(Double.isNaN(none.trainRatio()));
    }

    @Test
    void helpAndBadFlags() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, BenchMain.run(new String[] {"--help"}, o, e, null));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Example:"));
        assertEquals(2, BenchMain.run(new String[] {"--fast"}, o, e, null));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--fast"));
    }
}
