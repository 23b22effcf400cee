package io.github.wikiart.data.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Layout, determinism, overwrite rules and validation of {@link SyntheticStyles}. */
class SyntheticStylesTest {
    @TempDir
    Path tmp;

    @Test
    void writesWikiArtLayoutWithDecodableImagesOfTheRightSize() throws IOException {
        SyntheticStyles gen = SyntheticStyles.builder().styles(5).trainPerStyle(6).testPerStyle(3).size(48).build();
        SyntheticDataset ds = gen.write(tmp.resolve("out"));

        assertEquals(tmp.resolve("out"), ds.root());
        assertEquals(gen.styleNames(), ds.styleNames());
        assertEquals(List.of("Pointillism", "Hard_Edge_Stripes", "Ukiyo_Waves", "Pop_Dots", "Cubist_Facets"),
                ds.styleNames());
        assertEquals(45, ds.imageCount());
        checkSplit(ds.trainDir(), ds.styleNames(), 6, 48, "jpg");
        checkSplit(ds.testDir(), ds.styleNames(), 3, 48, "jpg");
        assertTrue(Files.exists(ds.trainDir().resolve("Pop_Dots").resolve("img_00005.jpg")));
    }

    @Test
    void pngFormatAndZeroTestImages() throws IOException {
        SyntheticStyles gen = SyntheticStyles.builder().styles(2).trainPerStyle(2).testPerStyle(0)
                .size(16).format(ImageFormat.PNG).build();
        SyntheticDataset ds = gen.write(tmp);
        checkSplit(ds.trainDir(), ds.styleNames(), 2, 16, "png");
        checkSplit(ds.testDir(), ds.styleNames(), 0, 16, "png");
        // PNG is lossless: the file holds exactly the rendered pixels.
        BufferedImage decoded = ImageIO.read(ds.trainDir().resolve("Pointillism/img_00001.png").toFile());
        BufferedImage rendered = gen.render(0, gen.contentSeed(SyntheticStyles.TRAIN, 0, 1), 16);
        assertArrayEquals(rendered.getRGB(0, 0, 16, 16, null, 0, 16), decoded.getRGB(0, 0, 16, 16, null, 0, 16));
    }

    private static void checkSplit(Path split, List<String> styles, int perStyle, int size, String ext)
            throws IOException {
        try (Stream<Path> dirs = Files.list(split)) {
            assertEquals(new HashSet<>(styles), dirs.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        for (String style : styles) {
            List<Path> files;
            try (Stream<Path> list = Files.list(split.resolve(style))) {
                files = list.sorted().toList();
            }
            assertEquals(perStyle, files.size(), split + "/" + style);
            for (int i = 0; i < files.size(); i++) {
                assertEquals(String.format("img_%05d.%s", i, ext), files.get(i).getFileName().toString());
                BufferedImage img = ImageIO.read(files.get(i).toFile());
                assertNotNull(img, "decodable: " + files.get(i));
                assertEquals(size, img.getWidth());
                assertEquals(size, img.getHeight());
            }
        }
    }

    @Test
    void sameConfigGivesIdenticalBytesAndOtherSeedDiffers() throws IOException {
        SyntheticStyles.Builder b = SyntheticStyles.builder().styles(4).trainPerStyle(5).testPerStyle(2).size(40);
        Map<String, String> first = hashes(b.seed(3).build().write(tmp.resolve("a")).root());
        Map<String, String> second = hashes(b.seed(3).build().write(tmp.resolve("b")).root());
        Map<String, String> other = hashes(b.seed(4).build().write(tmp.resolve("c")).root());

        assertEquals(4 * 7, first.size());
        assertEquals(first, second);
        assertEquals(first.keySet(), other.keySet());
        for (String file : first.keySet()) {
            assertNotEquals(first.get(file), other.get(file), file);
        }
        // Train and test images, and images within a folder, all differ.
        assertEquals(first.size(), new HashSet<>(first.values()).size());
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            out.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            StringBuilder sb = new StringBuilder();
            for (byte x : MessageDigest.getInstance("SHA-256").digest(bytes)) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void existingSplitWithFilesNeedsOverwrite() throws IOException {
        Path stale = tmp.resolve("test/Old_Style/x.jpg");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "old");
        Path keep = tmp.resolve("notes.txt");
        Files.writeString(keep, "keep me");
        SyntheticStyles.Builder b = SyntheticStyles.builder().styles(1).trainPerStyle(1).testPerStyle(1).size(8);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.build().write(tmp));
        assertTrue(e.getMessage().contains(tmp.resolve("test").toString()), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("train")), "nothing written before the check");

        b.overwrite(true).build().write(tmp);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(tmp.resolve("test/Pointillism/img_00000.jpg")));
        assertEquals("keep me", Files.readString(keep));
    }

    @Test
    void emptySplitFoldersAreReused() throws IOException {
        Files.createDirectories(tmp.resolve("train/Empty"));
        SyntheticStyles.builder().styles(1).trainPerStyle(1).testPerStyle(0).size(8).build().write(tmp);
        assertTrue(Files.exists(tmp.resolve("train/Pointillism/img_00000.jpg")));
    }

    @Test
    void writeFailureNamesTheFile() throws IOException {
        Path target = tmp.resolve("train/Pointillism/img_00000.jpg");
        Files.createDirectories(target); // an empty folder squats on the image's name
        SyntheticStyles gen = SyntheticStyles.builder().styles(1).trainPerStyle(1).testPerStyle(0).size(8).build();
        IOException e = assertThrows(IOException.class, () -> gen.write(tmp));
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
    }

    @Test
    void renderValidatesAndIsSizeFaithful() {
        SyntheticStyles gen = SyntheticStyles.builder().build();
        assertEquals(6, gen.styleNames().size());
        BufferedImage img = gen.render(5, 1, 33);
        assertEquals(BufferedImage.TYPE_INT_RGB, img.getType());
        assertEquals(33, img.getWidth());
        assertMessage(() -> gen.render(6, 1, 32), "styleIndex", "6");
        assertMessage(() -> gen.render(-1, 1, 32), "styleIndex", "-1");
        assertMessage(() -> gen.render(0, 1, 7), "size", "7");
        assertMessage(() -> gen.contentSeed("val", 0, 0), "split", "val");
    }

    @Test
    void builderDefaultsAndValidationMessagesNameTheField() {
        SyntheticStyles d = SyntheticStyles.builder().build();
        assertEquals(40, d.trainPerStyle());
        assertEquals(10, d.testPerStyle());
        assertEquals(64, d.size());
        assertEquals(42, d.seed());
        assertEquals(ImageFormat.JPEG, d.format());
        assertTrue(SyntheticStyles.availableStyles() >= 8 && SyntheticStyles.availableStyles() <= 12);

        SyntheticStyles.Builder b = SyntheticStyles.builder();
        assertMessage(() -> b.styles(0), "styles", "0");
        assertMessage(() -> b.styles(SyntheticStyles.availableStyles() + 1), "styles",
                String.valueOf(SyntheticStyles.availableStyles() + 1));
        assertMessage(() -> b.trainPerStyle(0), "trainPerStyle", "0");
        assertMessage(() -> b.testPerStyle(-1), "testPerStyle", "-1");
        assertMessage(() -> b.size(7), "size", "7");
        assertMessage(() -> b.size(4097), "size", "4097");
        assertMessage(() -> b.format(null), "format", "null");
        assertMessage(() -> b.jpegQuality(0f), "jpegQuality", "0.0");
        b.styles(SyntheticStyles.availableStyles()).testPerStyle(0).size(8).size(4096);
    }

    @Test
    void styleNamesAreValidFolderNamesAndUnique() {
        Set<String> seen = new HashSet<>();
        for (SyntheticStyle s : SyntheticStyle.values()) {
            assertTrue(s.name().matches("[A-Za-z][A-Za-z_]*"), s.name());
            assertTrue(seen.add(s.name().toLowerCase(Locale.ROOT)), s.name());
        }
    }

    private static void assertMessage(Executable call, String field, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(field), e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }
}
