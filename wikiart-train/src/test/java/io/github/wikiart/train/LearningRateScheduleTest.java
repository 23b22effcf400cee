package io.github.wikiart.train;

import io.github.wikiart.train.classifier.SeedSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.train.LearningRateSchedule.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static double[] rates(LearningRateSchedule s, double base, int epochs) {
        double[] r = new double[epochs];
        for (int e = 1; e <= epochs; e++) {
            r[e - 1] = s.rate(base, e, epochs);
        }
        return r;
    }

    @Test
    void shapesFollowTheirFormulas() {
        assertEquals(List.of(0.01, 0.01, 0.01), boxed(rates(LearningRateSchedule.CONSTANT, 0.01, 3)));
        // cosine over 4 epochs: (1 + cos(pi t / 4)) / 2 for t = 0..3
        double[] cos = rates(new LearningRateSchedule(Shape.COSINE, 0), 1.0, 4);
        assertEquals(1.0, cos[0], 1e-15);
        assertEquals((1 + Math.sqrt(0.5)) / 2, cos[1], 1e-15);
        assertEquals(0.5, cos[2], 1e-15);
        assertEquals((1 - Math.sqrt(0.5)) / 2, cos[3], 1e-15);
        // step over 8 epochs: 1 for t = 0..3, 0.1 for t = 4, 5, 0.01 for t = 6, 7
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0, 0.1, 0.1, 0.01, 0.01),
                boxed(rates(new LearningRateSchedule(Shape.STEP, 0), 1.0, 8)));
    }

    @Test
    void warmUpRisesLinearlyThenTheShapeStartsAtTheBaseRate() {
        double[] r = rates(new LearningRateSchedule(Shape.COSINE, 2), 0.003, 6);
        assertEquals(0.001, r[0], 1e-15);
        assertEquals(0.002, r[1], 1e-15);
        assertEquals(0.003, r[2], 1e-15);                       // cosine t = 0 of T = 4
        assertEquals(0.003 * 0.5, r[4], 1e-15);                 // t = 2 of 4
        assertEquals(0.003, new LearningRateSchedule(Shape.STEP, 1).rate(0.003, 2, 5), 1e-15);
    }

    @Test
    void badValuesNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(Shape.COSINE, 3).rate(1, 1, 3));
        assertTrue(e.getMessage().contains("warm-up of 3 epochs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.CONSTANT.rate(1, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateSchedule(Shape.STEP, -1));
        e = assertThrows(IllegalArgumentException.class, () -> Shape.parse("linear"));
        assertTrue(e.getMessage().contains("'linear'"), e.getMessage());
        assertEquals(Shape.COSINE, Shape.parse(" Cosine "));
    }

    @Test
    void seedStatisticsAreMeanSampleStdAndRange() {
        Map<String, Double> s = SeedSummary.stats(List.of(0.90, 0.95, 1.00));
        assertEquals(0.95, s.get("mean"), 1e-12);
        assertEquals(0.05, s.get("std"), 1e-12);
        assertEquals(0.90, s.get("min"));
        assertEquals(1.00, s.get("max"));
        assertEquals(0.0, SeedSummary.stats(List.of(0.7)).get("std"));
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }
}
