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
    void applyTakesAFolderAndPrintsJsonLinesWithEveryFailure() throws Exception {
        Path photos = dir.resolve("apply-photos");
        Files.createDirectories(photos.resolve("a"));
        Files.createDirectories(photos.resolve("b"));
        try (java.util.stream.Stream<Path> styles = Files.list(data.resolve("test"))) {
            Path style = styles.sorted().findFirst().orElseThrow();
            // The same file name in two subfolders: the second result gets "-2".
            Files.copy(style.resolve("img_00000.jpg"), photos.resolve("a/same.jpg"));
            Files.copy(style.resolve("img_00001.jpg"), photos.resolve("b/same.jpg"));
        }
        Files.writeString(photos.resolve("b/broken.png"), "not a png");
        Files.writeString(photos.resolve("readme.md"), "not an image");
        Path out = dir.resolve("apply-out");
        String style = Files.list(data.resolve("train")).sorted().findFirst().orElseThrow().getFileName().toString();
        CliRunner r = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", style, "--json",
                "--out", out.toString(), photos.toString());
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> outputs = new java.util.ArrayList<>();
        List<String> errors = new java.util.ArrayList<>();
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode json = mapper.readTree(line);
            if (json.has("output")) {
                outputs.add(Path.of(json.get("output").asText()).getFileName().toString());
                assertTrue(Files.size(Path.of(json.get("output").asText())) > 100, line);
            } else {
                errors.add(Path.of(json.get("path").asText()).getFileName() + ": " + json.get("error").asText());
            }
        }
        assertEquals(List.of("same-" + style + ".png", "same-" + style + "-2.png"), outputs);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("broken.png: "), errors.toString());
        assertTrue(errors.get(1).startsWith("readme.md: not an image file"), errors.toString());
        assertTrue(r.err().contains("4 images: 2 written, 2 failed"), r.err());
        CliRunner csv = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", style, "--csv",
                "--out", dir.resolve("apply-csv").toString(), photos.toString());
        List<String> rows = csv.out().lines().toList();
        assertEquals("path,output,error", rows.get(0));
        assertEquals(5, rows.size(), csv.out());
        assertTrue(rows.get(1).endsWith("same-" + style + ".png,"), rows.get(1));
        assertTrue(rows.stream().anyMatch(row -> row.contains("readme.md,,\"not an image file")), csv.out());
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

    /** A 640x427 PNG "photo": smooth gradients and moderate colours, different in every pixel. */
    private static Path photo(String name, int width, int height) throws Exception {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 60 + 140 * x / width;
                int g = 50 + 150 * y / height;
                int b = 90 + (int) (60 * Math.sin(x / 17.0) * Math.cos(y / 23.0));
                photo.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(photo, "png", file.toFile());
        return file;
    }

    @Test
    void applyAtNativeSizeKeepsThePhotosSizeAndSizeNScalesItsLongerSide() throws Exception {
        Path photo = photo("photo.png", 640, 427);
        Path nativeOut = dir.resolve("native-out");
        CliRunner n = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Pointillism",
                "--size", "native", "--out", nativeOut.toString(), photo.toString());
        assertEquals(0, n.code(), n.err());
        BufferedImage big = ImageIO.read(nativeOut.resolve("photo-Pointillism.png").toFile());
        assertEquals(List.of(640, 427), List.of(big.getWidth(), big.getHeight()));
        Path scaledOut = dir.resolve("scaled-out");
        CliRunner s = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Pointillism",
                "--size", "100", "--out", scaledOut.toString(), photo.toString());
        assertEquals(0, s.code(), s.err());
        BufferedImage small = ImageIO.read(scaledOut.resolve("photo-Pointillism.png").toFile());
        // 427 x 100 / 640 = 66.7, rounded to 67.
        assertEquals(List.of(100, 67), List.of(small.getWidth(), small.getHeight()));
        CliRunner bad = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Pointillism",
                "--size", "huge", photo.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--size: expected native, training or a longer side in pixels"), bad.err());
    }

    @Test
    void keepColorsKeepsThePhotosChromaAndTakesTheStyledLuminance() throws Exception {
        Path photo = photo("colours.png", 640, 427);
        Path styledOut = dir.resolve("styled-out");
        Path keptOut = dir.resolve("kept-out");
        for (Path out : List.of(styledOut, keptOut)) {
            CliRunner r = CliRunner.run(out == keptOut
                    ? new String[] {"transfer", "apply", "--run", run.toString(), "--style", "Hard_Edge_Stripes",
                        "--size", "native", "--keep-colors", "--out", out.toString(), photo.toString()}
                    : new String[] {"transfer", "apply", "--run", run.toString(), "--style", "Hard_Edge_Stripes",
                        "--size", "native", "--out", out.toString(), photo.toString()});
            assertEquals(0, r.code(), r.err());
        }
        int[] in = pixels(ImageIO.read(photo.toFile()));
        int[] styled = pixels(ImageIO.read(styledOut.resolve("colours-Hard_Edge_Stripes.png").toFile()));
        int[] kept = pixels(ImageIO.read(keptOut.resolve("colours-Hard_Edge_Stripes.png").toFile()));
        assertEquals(in.length, kept.length);
        double maxChroma = 0;
        double styledChroma = 0;
        double lumaChange = 0;
        double lumaFromStyled = 0;
        for (int i = 0; i < in.length; i++) {
            double[] a = ycbcr(in[i]);
            double[] k = ycbcr(kept[i]);
            double[] s = ycbcr(styled[i]);
            maxChroma = Math.max(maxChroma, Math.max(Math.abs(a[1] - k[1]), Math.abs(a[2] - k[2])));
            styledChroma += (Math.abs(a[1] - s[1]) + Math.abs(a[2] - s[2])) / in.length;
            lumaChange += Math.abs(a[0] - k[0]) / in.length;
            lumaFromStyled += Math.abs(s[0] - k[0]) / in.length;
        }
        // 8-bit rounding of R, G and B moves Cb and Cr by at most 0.5 each.
        assertTrue(maxChroma <= 1.0, "largest Cb/Cr change " + maxChroma);
        assertTrue(styledChroma > 5, "without --keep-colors the colours change: mean Cb+Cr change " + styledChroma);
        assertTrue(lumaChange > 5, "the luminance is the styled one: mean Y change " + lumaChange);
        // Y is the styled image's, but for rounding and where the photo's colour at that Y leaves the RGB cube.
        assertTrue(lumaFromStyled < 1.0, "mean Y difference from the styled image " + lumaFromStyled);
    }

    @Test
    void aPhotoAboveTheMegapixelLimitIsRefusedAndTheOthersAreWritten() throws Exception {
        Path big = photo("big.png", 640, 427);
        Path small = photo("small.png", 300, 200);
        Path out = dir.resolve("limit-out");
        CliRunner r = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Pointillism",
                "--size", "native", "--max-megapixels", "0.25", "--out", out.toString(), big.toString(),
                small.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(big + ": 640x427 is 0.3 megapixels, above the limit of 0.25 (--max-megapixels)"),
                r.err());
        assertFalse(Files.exists(out.resolve("big-Pointillism.png")));
        assertEquals(300, ImageIO.read(out.resolve("small-Pointillism.png").toFile()).getWidth());
        CliRunner bad = CliRunner.run("transfer", "apply", "--run", run.toString(), "--style", "Pointillism",
                "--max-megapixels", "0", small.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--max-megapixels: expected a positive number, got '0'"), bad.err());
    }

    /** @return Y, Cb, Cr (BT.601, full range) of a pixel */
    private static double[] ycbcr(int rgb) {
        double r = (rgb >> 16) & 0xFF;
        double g = (rgb >> 8) & 0xFF;
        double b = rgb & 0xFF;
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        return new double[] {y, 128 + (b - y) / 1.772, 128 + (r - y) / 1.402};
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
