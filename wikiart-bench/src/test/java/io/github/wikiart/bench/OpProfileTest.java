package io.github.wikiart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpProfileTest {

    @Test
    void selfTimesSubtractNestedEventsPerThread(@TempDir Path dir) throws Exception {
        // Thread 1: conv (0-100 us) holds mm (10-40) and add (50-60); add (200-205) stands alone.
        // Thread 2: conv (0-30) alone. A non-complete event is ignored.
        Path trace = dir.resolve("t.json");
        Files.writeString(trace, """
                [
                 {"name": "conv", "ph": "X", "ts": 0, "dur": 100, "tid": 1},
                 {"name": "mm", "ph": "X", "ts": 10, "dur": 30, "tid": 1},
                 {"name": "add", "ph": "X", "ts": 50, "dur": 10, "tid": 1},
                 {"name": "add", "ph": "X", "ts": 200, "dur": 5, "tid": 1},
                 {"name": "conv", "ph": "X", "ts": 0, "dur": 30, "tid": 2},
                 {"name": "marker", "ph": "i", "ts": 5, "tid": 1}
                ]
                """);
        Map<String, Long> self = OpProfile.selfTimes(trace);
        assertEquals(Map.of("conv", 90_000L, "mm", 30_000L, "add", 15_000L), self);
        assertEquals("conv2d_bp", OpProfile.opName("CustomOp conv2d_bp (-8365086728038655116)"));
        assertEquals("old_assign", OpProfile.opName("TransformOp old_assign (0)"));
        assertEquals("something else", OpProfile.opName("something else"));
    }

    @Test
    void profileOfARowListsItsOps() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"--profile", Networks.STYLENET}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("DL4J (ND4J op profiler)") && text.contains("ms  conv2d_bp\n"), text);
        assertEquals(2, BenchMain.run(new String[] {"--profile", "nope"}, new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("stylenet-64"), "names the rows");
    }
}
