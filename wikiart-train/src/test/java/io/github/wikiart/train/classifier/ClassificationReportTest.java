package io.github.wikiart.train.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
    @Test
    void metricsMatchHandComputation() {
        // truth:     A A A A B B C C C C
        // predicted: A A B C B B C C A C
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] pred = {0, 0, 1, 2, 1, 1, 2, 2, 0, 2};
        ClassificationReport r = ClassificationReport.of(List.of("A", "B", "C"), truth, pred, 0.5);
        assertEquals(0.7, r.accuracy(), 1e-12);
        List<ClassMetrics> m = r.perClass();
        // A: tp 2, predicted 3, actual 4 -> P 2/3, R 1/2, F1 4/7
        assertEquals(2.0 / 3, m.get(0).precision(), 1e-12);
        assertEquals(0.5, m.get(0).recall(), 1e-12);
        assertEquals(4.0 / 7, m.get(0).f1(), 1e-12);
        // B: tp 2, predicted 3, actual 2 -> P 2/3, R 1, F1 0.8
        assertEquals(0.8, m.get(1).f1(), 1e-12);
        // C: tp 3, predicted 4, actual 4 -> F1 0.75
        assertEquals(0.75, m.get(2).f1(), 1e-12);
        assertEquals((4.0 / 7 + 0.8 + 0.75) / 3, r.macroF1(), 1e-12);
        assertEquals(0.4, r.majorityBaseline(), 1e-12);
        assertEquals(2, r.confusion()[0][0]);
        assertEquals(1, r.confusion()[2][0]);
    }

    @Test
    void classesWithoutExamplesDoNotCountInMacroF1AndNothingIsNaN() {
        ClassificationReport r = ClassificationReport.of(List.of("A", "B", "C"), new int[] {0, 0}, new int[] {0, 1}, 1);
        assertEquals(0.5, r.accuracy(), 1e-12);
        assertEquals(2.0 / 3, r.macroF1(), 1e-12); // only A has examples: P 1, R 0.5
        assertEquals(0.0, r.perClass().get(1).f1());
        assertEquals(0.0, ClassificationReport.of(List.of("A"), new int[0], new int[0], Double.NaN).accuracy());
    }
}
