package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

class HeadlessTest {
    @Test
    void testsRunWithoutADisplay() {
        // Every other test in this module therefore proves its plot renders headless.
        assertTrue(GraphicsEnvironment.isHeadless());
    }
}
