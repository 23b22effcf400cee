package io.github.wikiart.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepPlanTest {

    @Test
    void warmsUpThenTimesAtLeastTheMinimumStepsAndDuration() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        double[] ips = new StepPlan(2, 3, 0).imagesPerSecond(8, calls::incrementAndGet);
        assertEquals(3, ips.length);
        assertEquals(5, calls.get(), "2 warm-up + 3 timed");

        calls.set(0);
        Runnable sleep = () -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        double[] slow = new StepPlan(0, 2, 0.1).imagesPerSecond(4, sleep);
        double seconds = 0;
        for (double v : slow) {
            assertTrue(v > 0 && v <= 4 / 0.02, "4 images per >= 20 ms step: " + v);
            seconds += 4 / v;
        }
        assertTrue(slow.length >= 2 && seconds >= 0.1, "timed until 0.1 s had passed: " + seconds);
        assertTrue(slow.length == 2 || seconds - 4 / slow[slow.length - 1] < 0.1, "and stopped then");
        assertEquals(slow.length, calls.get());
        assertThrows(IllegalArgumentException.class, () -> new StepPlan(-1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new StepPlan(0, 0, 0));
    }
}
