package io.github.wikiart.bench.pytorch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCachesTest {
    @Test
    void hiddenOnlyWhenTheProcessorFolderListsNoCaches(@TempDir Path dir) throws IOException {
        Path cpu0 = dir.resolve("cpu0");
        assertFalse(CpuCaches.hidden(cpu0), "no sysfs folder: cannot tell");
        Files.createDirectories(cpu0);
        assertTrue(CpuCaches.hidden(cpu0));
        Files.createDirectories(cpu0.resolve("cache/index0"));
        assertFalse(CpuCaches.hidden(cpu0));
    }

    @Test
    void describesThisMachine() {
        assertEquals(CpuCaches.hidden(), CpuCaches.describe().startsWith("not reported"));
    }
}
