package io.github.wikiart.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferExampleTest {
    @Test
    void trainsJudgesAndDrawsATransfer(@TempDir Path dir) throws Exception {
        TransferExample.Result r = TransferExample.run(dir.resolve("data"), dir.resolve("runs"), 16, 2);
        assertEquals(1.0 / 3, r.evaluation().chance(), 1e-12);
        assertEquals(12, ((Number) r.evaluation().numbers().get("content_images")).intValue());
        assertEquals(36, ((Number) r.evaluation().numbers().get("outputs")).intValue());
        // A residual network starts as the identity: two short epochs keep the content (seen 0.998)
        // and already move the styles apart (seen 0.21 grey levels; 0 means the style is ignored).
        assertTrue(r.evaluation().contentRetention() > 0.9, "retention " + r.evaluation().contentRetention());
        assertTrue(r.evaluation().styleSpread() > 0.01, "spread " + r.evaluation().styleSpread());
        assertTrue(Files.isRegularFile(r.transfer().run().dir().resolve("transfer-eval.json")));
        assertTrue(Files.size(r.grid().png()) > 1000);
    }
}
