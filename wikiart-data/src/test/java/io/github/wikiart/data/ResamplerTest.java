package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    /** Classes A..: sizes given; files named A/0.jpg ... */
    static List<Sample> samples(int... sizes) {
        List<Sample> out = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            String label = String.valueOf((char) ('A' + c));
            for (int i = 0; i < sizes[c]; i++) {
                out.add(new Sample(Path.of(label, i + ".jpg"), label));
            }
        }
        return out;
    }

    static List<String> classes(int n) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            out.add(String.valueOf((char) ('A' + c)));
        }
        return out;
    }

    static List<Integer> resampledCounts(String spec, int... sizes) {
        ResampledSplit r = Resampler.resample(samples(sizes), classes(sizes.length), Sampling.parse(spec), 7);
        return r.counts().values().stream().map(ClassCount::resampled).toList();
    }

    @ParameterizedTest(name = "{0} on [{1}] -> [{2}]")
    @CsvSource(delimiter = ';', value = {
        "none; 10,3,7; 10,3,7",
        "false; 10,3,7; 10,3,7",
        "mean; 10,3,7; 7,7,7",          // 20/3 = 6.67 -> 7
        "mean; 50,51; 50,50",           // 50.5 -> 50 (half to even)
        "mean; 51,52; 52,52",           // 51.5 -> 52 (half to even)
        "max; 10,3,7; 10,10,10",
        "min; 10,3,7; 3,3,3",
        "0.8; 10,3,7; 8,8,8",           // round(0.8 * 10)
        "0.25; 10,3,7; 2,2,2",          // 2.5 -> 2
        "0.35; 10,3,7; 4,4,4",          // 3.5 -> 4
        "0.5; 9,1; 4,4",                // 4.5 -> 4
        "5; 10,3,7; 5,5,5",             // a count: over and under in one split
        "1; 10,3,7; 1,1,1",
        "25; 10,3,7; 25,25,25",
        "12; 10,0,7; 12,0,12",          // an empty class stays empty
    })
    void everyModeGivesExactCounts(String spec, String sizes, String expected) {
        int[] s = java.util.Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray();
        List<Integer> want = java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertEquals(want, resampledCounts(spec, s));
    }

    @Test
    void reportKeepsOriginalCountsAndListsChanges() {
        ResampledSplit r = Resampler.resample(samples(10, 3, 7), classes(3), Sampling.parse("mean"), 1);
        assertEquals(new ClassCount(10, 7), r.counts().get("A"));
        assertEquals(new ClassCount(3, 7), r.counts().get("B"));
        assertEquals(new ClassCount(7, 7), r.counts().get("C"));
        assertEquals(List.of("A: 10 -> 7", "B: 3 -> 7"), r.changes());
        assertEquals(21, r.samples().size());
    }

    @Test
    void overSamplingDuplicatesEvenlyForManyRandomSizes() {
        Random random = new Random(123);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(20);
            int target = 1 + random.nextInt(90);
            List<Sample> chosen = Resampler.resample(samples(n), classes(1), new Sampling.Count(target),
                    random.nextLong()).samples();
            assertEquals(target, chosen.size());
            // Walking the chosen list, no file is used k+1 times before all files are used k times.
            Map<Sample, Integer> uses = new HashMap<>();
            for (int i = 0; i < chosen.size(); i++) {
                int k = uses.merge(chosen.get(i), 1, Integer::sum);
                int completedRounds = i / n;
                assertTrue(k <= completedRounds + 1, "file used " + k + " times at position " + i + " of class size " + n);
            }
            if (target >= n) {
                assertEquals(n, uses.size(), "every file is used when over-sampling");
                int min = uses.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
                int max = uses.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
                assertTrue(max - min <= 1, "uses differ by at most one: " + uses.values());
            } else {
                assertEquals(target, new HashSet<>(chosen).size(), "under-sampling keeps distinct files");
            }
        }
    }

    @Test
    void sameSeedSameResultAndDifferentSeedsDiffer() {
        List<Sample> s = samples(40, 13);
        Sampling mode = new Sampling.Count(26);
        List<Sample> a = Resampler.resample(s, classes(2), mode, 42).samples();
        List<Sample> b = Resampler.resample(s, classes(2), mode, 42).samples();
        List<Sample> c = Resampler.resample(s, classes(2), mode, 43).samples();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void underSamplingKeepsOriginalOrder() {
        List<Sample> s = samples(30);
        List<Sample> chosen = Resampler.resample(s, classes(1), new Sampling.Count(10), 5).samples();
        List<Integer> positions = chosen.stream().map(s::indexOf).toList();
        List<Integer> sorted = new ArrayList<>(positions);
        sorted.sort(null);
        assertEquals(sorted, positions);
    }

    @Test
    void toySampleTakesFirstNPerClassInOrder() {
        List<Sample> s = samples(5, 2, 4);
        List<Sample> toy = Resampler.firstPerClass(s, 3);
        assertEquals(List.of(s.get(0), s.get(1), s.get(2), s.get(5), s.get(6), s.get(7), s.get(8), s.get(9)), toy);
    }

    @Test
    void samplingParseNamesBadValues() {
        assertEquals(new Sampling.Fraction(0.8), Sampling.parse("0.8"));
        assertEquals(new Sampling.Count(500), Sampling.parse("500"));
        assertEquals(Sampling.NONE, Sampling.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sampling.parse("2.5"));
        assertTrue(e.getMessage().contains("2.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sampling.parse("median"));
        assertTrue(e.getMessage().contains("median") && e.getMessage().contains("mean"), e.getMessage());
    }

    @Test
    void unknownLabelIsAnError() {
        Map<String, Integer> none = new LinkedHashMap<>();
        assertTrue(none.isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resampler.resample(samples(2, 2), classes(1), Sampling.NONE, 1));
        assertTrue(e.getMessage().contains("'B'"), e.getMessage());
    }
}
