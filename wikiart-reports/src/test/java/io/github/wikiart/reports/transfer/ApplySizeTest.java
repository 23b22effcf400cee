package io.github.wikiart.reports.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ApplySizeTest {
    @Test
    void parsesTheThreeForms() {
        assertEquals(ApplySize.NATIVE, ApplySize.parse("native"));
        assertEquals(ApplySize.TRAINING, ApplySize.parse(" Training "));
        assertEquals(ApplySize.longerSide(100), ApplySize.parse("100"));
        for (String bad : new String[] {"0", "-3", "big", "", "1.5"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApplySize.parse(bad));
            assertEquals("expected native, training or a longer side in pixels (a whole number >= 1), got '" + bad
                    + "'", e.getMessage());
        }
    }

    @Test
    void scalesTheLongerSideAndRoundsTheOther() {
        // 427 x 100 / 640 = 66.72 -> 67; 427 x 64 / 640 = 42.7 -> 43; 3 x 100 / 8 = 37.5 -> 38 (halves up).
        assertArrayEquals(new int[] {100, 67}, ApplySize.longerSide(100).of(640, 427));
        assertArrayEquals(new int[] {67, 100}, ApplySize.longerSide(100).of(427, 640));
        assertArrayEquals(new int[] {64, 43}, ApplySize.longerSide(64).of(640, 427));
        assertArrayEquals(new int[] {100, 38}, ApplySize.longerSide(100).of(8, 3));
        assertArrayEquals(new int[] {10, 1}, ApplySize.longerSide(10).of(1000, 1));
        assertArrayEquals(new int[] {1280, 854}, ApplySize.longerSide(1280).of(640, 427));
        assertArrayEquals(new int[] {640, 427}, ApplySize.NATIVE.of(640, 427));
        assertThrows(IllegalStateException.class, () -> ApplySize.TRAINING.of(640, 427));
    }
}
