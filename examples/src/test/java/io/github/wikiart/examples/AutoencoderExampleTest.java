package io.github.wikiart.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderExampleTest {
    @Test
    void learnsMoreThanTheMeanImageAndReportsTheLatentSpace(@TempDir Path dir) throws Exception {
        AutoencoderExample.Result r = AutoencoderExample.run(dir.resolve("data"), dir.resolve("runs"), 16, 4);
        assertTrue(r.training().testPsnrDb() > r.training().baselinePsnrDb(),
                r.training().testPsnrDb() + " dB vs mean image " + r.training().baselinePsnrDb());
        assertEquals(32, r.latent().report().points());
        assertEquals(4, r.latent().report().clusters());
        // Seen 0.48 on this data; random clusters of 32 points into 4 styles score about 0.1.
        assertTrue(r.latent().report().nmi() > 0.2, "NMI " + r.latent().report().nmi());
        assertEquals(8, r.reconstructions().images());
        assertTrue(Files.size(r.reconstructions().png()) > 1000);
        assertTrue(Files.isRegularFile(r.training().run().dir().resolve("latent.json")));
        assertTrue(Files.size(r.latent().byStyle()) > 1000);
    }
}
