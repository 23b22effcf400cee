package io.github.wikiart.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.train.loop.MetricsCsv;
import io.github.wikiart.train.loop.StopSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What the resume tests of every trainer share: the control they interrupt with and the metrics comparison. */
public final class ResumeAssertions {
    private ResumeAssertions() {
    }

    /**
     * @param stop the signal a test requests to interrupt
     * @return checkpoints only when asked (the interval is far longer than a test)
     */
    public static RunControl control(StopSignal stop) {
        return new RunControl(Duration.ofHours(1), stop, Set.of());
    }

    /**
     * The metrics files of two runs agree, row for row, in every column but the named ones
     * (timings), and hold at least {@code minRows} rows besides the header.
     *
     * @param a one run folder
     * @param b the other
     * @param minRows the fewest epoch rows expected
     * @param ignored column names not compared
     * @throws Exception when a file cannot be read
     */
    public static void assertSameMetrics(Path a, Path b, int minRows, String... ignored) throws Exception {
        List<String> la = Files.readAllLines(a.resolve(MetricsCsv.FILE));
        List<String> lb = Files.readAllLines(b.resolve(MetricsCsv.FILE));
        assertTrue(la.size() >= minRows + 1, la.toString());
        assertEquals(la.size(), lb.size(), lb.toString());
        List<String> header = Arrays.asList(la.get(0).split(","));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!Arrays.asList(ignored).contains(header.get(i))) {
                keep.add(i);
            }
        }
        assertEquals(header.size() - ignored.length, keep.size(), "unknown ignored columns in " + header);
        for (int row = 0; row < la.size(); row++) {
            String[] ra = la.get(row).split(",", -1);
            String[] rb = lb.get(row).split(",", -1);
            for (int i : keep) {
                assertEquals(ra[i], rb[i], "row " + row + " column " + header.get(i));
            }
        }
    }
}
