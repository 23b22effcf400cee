package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Decoding threads run at the lowest priority when asked, and only then (Linux). */
class BackgroundPriorityTest {
    /** @return the calling thread's nice value, from the kernel's own record of it */
    private static int niceOfCurrentThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        // Fields after the command name in parentheses: state is field 3, nice field 19.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    private static int niceOfAThreadFrom(boolean background) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(DaemonThreads.named("test", background));
        try {
            return pool.submit(BackgroundPriorityTest::niceOfCurrentThread).get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void backgroundThreadsRunAtNiceNineteenOthersAsTheirParent() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux /proc needed");
        int parent = niceOfCurrentThread();
        assumeTrue(parent < BackgroundPriority.NICE, "already at the lowest priority");
        assertEquals(BackgroundPriority.NICE, niceOfAThreadFrom(true));
        assertEquals(parent, niceOfAThreadFrom(false));
        assertEquals(parent, niceOfCurrentThread(), "the caller's own priority is untouched");
    }
}
