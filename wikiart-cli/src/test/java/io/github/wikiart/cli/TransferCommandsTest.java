package io.github.wikiart.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.models.transfer.CinTransferNet;
import io.github.wikiart.train.transfer.CinTransfer;
import io.github.wikiart.train.transfer.TransferModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class TransferCommandsTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path run;
    static Path judge;

    @BeforeAll
    static void trainTinyRuns() {
        data = dir.resolve("data");
        run = dir.resolve("transfer");
        judge = dir.resolve("judge");
        assertEquals(0, CliRunner.run("synth", "--out", data.toString(), "--styles", "2", "--train-per-style", "6",
                "--test-per-style", "2", "--size", "16", "--seed", "4").code());
        CliRunner t = CliRunner.run("transfer", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "transfer.epochs=1", "--set", "transfer.width=4", "--set", "transfer.batch_size=4",
                "--run-dir", run.toString());
        assertEquals(0, t.code(), t.err());
        CliRunner j = CliRunner.run("classify", "train", "--set", "data.root=" + data, "--set", "data.image_size=16",
                "--set", "classifier.epochs=1", "--set", "classifier.width=4", "--set", "classifier.gram_channels=4",
                "--set", "seed=77", "--run-dir", judge.toString());
        assertEquals(0, j.code(), j.err());
    }

    @Test
    void ctrlCStopsATransferTrainingThatResumesToTheEnd() throws Exception {
        Path broken = dir.resolve("broken-transfer");
        CliRunner stopped = CliRunner.interrupted("transfer", "train", "--set", "data.root=" + data, "--set",
                "data.image_size=16", "--set", "transfer.epochs=2", "--set", "transfer.width=4", "--set",
                "transfer.batch_size=4", "--run-dir", broken.toString());
        assertEquals(ExitCodes.INTERRUPTED, stopped.code(), stopped.err());
        assertTrue(stopped.err().contains("continue with: wikiart transfer train --resume " + broken), stopped.err());
        CliRunner resumed = CliRunner.run("transfer", "train", "--resume", broken.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(java.nio.file.Files.isRegularFile(broken.resolve("summary.json")));
        assertEquals(3, java.nio.file.Files.readAllLines(broken.resolve("metrics.csv")).size());
    }

    @Test
    void applyWritesOneImagePerInputAndRejectsUnknownStyles() throws Exception {
        Path image = data.resolve("test/Pointillism/img_00000.jpg");
        Path out = dir.resolve("applied");
        CliRunner ok = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Hard_Edge_Stripes",
                "--out", out.toString(), image.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isRegularFile(out.resolve("img_00000-Hard_Edge_Stripes.png")));
        CliRunner bad = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Baroque",
                image.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown style 'Baroque'; valid styles: Hard_Edge_Stripes, Pointillism"),
                bad.err());
    }

    @Test
    void gridWritesBothKinds() {
        assertEquals(0, CliRunner.run("transfer", "grid", "--run", run.toString(), "--count", "3").code());
        assertEquals(0, CliRunner.run("transfer", "grid", "--run", run.toString(), "--single-image").code());
        assertTrue(Files.isRegularFile(run.resolve("plots/transfer-grid.png")));
        assertTrue(Files.isRegularFile(run.resolve("plots/transfer-single-image.png")));
    }

    @Test
    void evalPrintsOneJsonObjectAndSavesIt() throws Exception {
        CliRunner r = CliRunner.run("transfer", "eval", "--run", run.toString(), "--judge", judge.toString(),
                "--content", data.resolve("test").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String key : new String[] {"hit_rate", "per_style_hit_rate", "style_spread", "content_retention"}) {
            assertTrue(json.has(key), key);
        }
        assertEquals(4, json.get("content_images").asInt());
        assertEquals(8, json.get("outputs").asInt());
        assertTrue(Files.isRegularFile(run.resolve("transfer-eval.json")));
    }

    @Test
    void applyCropsForAModelTrainedWithCrop() throws Exception {
        // An untrained network is enough: what matters is which pixels reach it.
        ModelInput crop = new ModelInput(16, ResizeMode.CROP, TensorLayout.NHWC, PixelScaling.UNIT);
        CinTransfer model = new CinTransfer(CinTransferNet.build(16, 2, 4, 3, DataType.FLOAT, false, false),
                LabelIndex.of(List.of("A_Style", "B_Style")), crop);
        Path cropRun = Files.createDirectories(dir.resolve("crop-run"));
        TransferModels.save(model, cropRun);
        BufferedImage wide = new BufferedImage(48, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 48; x++) {
                wide.setRGB(x, y, x < 16 || x >= 32 ? 0x0000FF : (x * 13 + y * 7) << 8);
            }
        }
        Path image = dir.resolve("wide.png");
        ImageIO.write(wide, "png", image.toFile());
        Path out = dir.resolve("crop-out");
        CliRunner r = CliRunner.run("transfer", "apply", "--run", cropRun.toString(), "--style", "B_Style",
                "--out", out.toString(), image.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage written = ImageIO.read(out.resolve("wide-B_Style.png").toFile());
        BufferedImage cropped = crop.toImage(model.transfer(crop.toTensor(wide), new int[] {1}), 0);
        ModelInput stretch = new ModelInput(16, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT);
        BufferedImage stretched = crop.toImage(model.transfer(stretch.toTensor(wide), new int[] {1}), 0);
        assertArrayEquals(pixels(cropped), pixels(written));
        assertFalse(Arrays.equals(pixels(stretched), pixels(written)), "the stretched image's transfer differs");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
