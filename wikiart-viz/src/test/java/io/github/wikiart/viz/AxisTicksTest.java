package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AxisTicksTest {
    @Test
    void roundStepsCoverTheMaximum() {
        assertEquals(new AxisTicks(2000, 12000), AxisTicks.covering(11925, 8));
        assertEquals(new AxisTicks(1, 8), AxisTicks.covering(7.5, 8));
        assertEquals(new AxisTicks(500, 2000), AxisTicks.covering(2000, 8));
        assertEquals(new AxisTicks(0.2, 1), AxisTicks.covering(0, 8));
    }
}
