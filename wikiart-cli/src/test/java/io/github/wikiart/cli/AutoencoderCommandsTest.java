package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.train.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoencoderCommandsTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void trainSmallRun() {
        Path data = dir.resolve("data");
        run = dir.resolve("run");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "3", "--train-per-style", "8",
                "--test-per-style", "4", "--size", "16", "--seed", "2").code());
        CliRunner r = CliRunner.run("autoencoder", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "autoencoder.epochs=2", "--set", "autoencoder.width=4", "--set", "autoencoder.batch_size=4",
                "--set", "autoencoder.compare_every=1", "--run-dir", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("PSNR"), r.out());
        assertTrue(r.err().contains("images/s"), r.err());
    }

    @Test
    void trainWritesCheckpointsSummaryAndComparisons() throws Exception {
        for (String f : new String[] {"model-best.zip", "model-last.zip", "summary.json", "plots/compare-epoch-001.png",
                "plots/compare-epoch-002.png"}) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        Map<String, Object> s = Json.read(run.resolve("summary.json"));
        assertTrue(s.containsKey("best_epoch") && s.containsKey("test_mse") && s.containsKey("test_psnr_db"));
    }

    @Test
    void compareWritesAGridOfImagesAndReconstructions() throws Exception {
        CliRunner r = CliRunner.run("autoencoder", "compare", "--run", run.toString(), "--count", "5");
        assertEquals(0, r.code(), r.err());
        BufferedImage grid = ImageIO.read(run.resolve("plots/reconstructions.png").toFile());
        assertTrue(grid.getWidth() >= 8 * 96, "ten cells in rows of eight: " + grid.getWidth());
    }

    @Test
    void latentWritesJsonAndBothScatters() throws Exception {
        CliRunner r = CliRunner.run("autoencoder", "latent", "--run", run.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> latent = Json.read(run.resolve("latent.json"));
        for (String key : new String[] {"nmi", "adjusted_rand_index", "purity", "explained_variance_ratio"}) {
            assertTrue(latent.containsKey(key), key);
        }
        assertEquals(12, ((Number) latent.get("points")).intValue());
        assertTrue(Files.isRegularFile(run.resolve("plots/latent-pca-styles.png")));
        assertTrue(Files.isRegularFile(run.resolve("plots/latent-pca-clusters.png")));
        assertTrue(r.out().contains("NMI"), r.out());
    }

    @Test
    void spatialLatentThatDoesNotFillWholeChannelsIsAUserError() {
        CliRunner r = CliRunner.run("autoencoder", "train", "--set", "data.root=" + dir.resolve("data"), "--set",
                "data.image_size=16", "--set", "autoencoder.latent_shape=spatial", "--set", "autoencoder.latent_dim=6");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("autoencoder.latent_shape spatial") && r.err().contains("(side/8)^2 = 4"), r.err());
    }

    @Test
    void sideThatIsNotAMultipleOfEightIsAUserError() {
        CliRunner r = CliRunner.run("autoencoder", "train", "--set", "data.root=" + dir.resolve("data"), "--set",
                "data.image_size=20");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("multiple of 8"), r.err());
    }
}
