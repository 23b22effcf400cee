package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.HostMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GPU safety by construction: every place in the sources that reads or writes an array's memory
 * directly ({@code data().asNio...()}) tells ND4J through {@link HostMemory} within a few lines, so a
 * GPU backend never computes on stale copies. (On the CPU the calls change nothing, which the
 * second test checks.)
 */
class HostMemoryTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int NEAR = 12;

    @Test
    void everyDirectMemoryAccessTellsNd4j() throws Exception {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(ROOT)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/") && !p.endsWith("HostMemory.java")).toList();
        }
        assertTrue(sources.size() > 100, "found only " + sources.size() + " sources under " + ROOT);
        List<String> untold = new ArrayList<>();
        int accesses = 0;
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).contains(".asNio")) {
                    continue;
                }
                accesses++;
                boolean told = false;
                for (int j = Math.max(0, i - NEAR); j < Math.min(lines.size(), i + NEAR + 20); j++) {
                    told |= lines.get(j).contains("HostMemory.written(") || lines.get(j).contains("HostMemory.toRead(");
                }
                if (!told) {
                    untold.add(ROOT.relativize(file) + ":" + (i + 1));
                }
            }
        }
        assertTrue(accesses >= 5, "expected the known direct accesses, found " + accesses);
        assertEquals(List.of(), untold, "direct memory access without HostMemory.written/toRead nearby");
    }

    @Test
    void onTheCpuTheCallsChangeNothing() {
        INDArray a = Nd4j.createFromArray(1f, 2f, 3f);
        a.data().asNioFloat().put(1, 5f);
        assertSame(a, HostMemory.written(a));
        assertSame(a, HostMemory.toRead(a));
        assertEquals(5f, a.getFloat(1));
        assertEquals(9.0, a.sumNumber().doubleValue(), 1e-6);
    }
}
