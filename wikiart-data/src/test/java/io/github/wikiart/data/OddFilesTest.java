package io.github.wikiart.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of odd file of a real collection, each beside good files that must still load. */
class OddFilesTest {
    @TempDir
    Path root;
    Path train;

    @BeforeEach
    void writeCollection() throws Exception {
        train = root.resolve("train");
        Path a = train.resolve("Abstract");
        Path b = train.resolve("Baroque");
        Files.createDirectories(train.resolve("Empty_Style"));
        TestImages.jpeg(a.resolve("good.jpg"), Color.RED);
        TestImages.jpeg(b.resolve("good.jpg"), Color.BLUE);              // same name, other style
        TestImages.grayJpeg(a.resolve("gray.jpeg"));
        TestImages.cmykJpeg(a.resolve("cmyk.jpg"));
        TestImages.alphaPng(a.resolve("alpha.png"));
        TestImages.png16(a.resolve("deep16.png"));
        TestImages.paletteGif(a.resolve("palette.gif"));
        TestImages.write(TestImages.rgb(8, 8, Color.CYAN), "bmp", a.resolve("bitmap.bmp"));
        TestImages.jpeg(a.resolve("UPPER.JPG"), Color.YELLOW);
        TestImages.jpeg(a.resolve("café_ünïcödé.jpg"), Color.ORANGE);
        TestImages.write(TestImages.rgb(1, 1, Color.BLACK), "png", a.resolve("one_pixel.png"));
        TestImages.write(TestImages.rgb(400, 2, Color.PINK), "png", a.resolve("very_wide.png"));
        TestImages.jpeg(a.resolve("nested/deeper/inner.jpg"), Color.GREEN);
        TestImages.truncated(a.resolve("truncated.jpg"));
        Files.write(a.resolve("empty.jpg"), new byte[0]);
        Files.writeString(a.resolve("notes_not_image.png"), "this is text, not a PNG");
        TestImages.bombPng(a.resolve("bomb.png"), 30000);
        Files.writeString(a.resolve("readme.txt"), "not a candidate");
        Files.write(a.resolve(".DS_Store"), new byte[] {0, 0, 0, 1});
        Files.write(a.resolve("Thumbs.db"), new byte[] {1, 2, 3});
        Files.write(a.resolve("._good.jpg"), new byte[] {0, 5, 22, 7});
        TestImages.jpeg(a.resolve(".hidden/secret.jpg"), Color.RED);
        Files.createSymbolicLink(b.resolve("linked.jpg"), a.resolve("good.jpg"));
        Files.createSymbolicLink(b.resolve("linked_folder"), root.resolve("elsewhere"));
        TestImages.jpeg(root.resolve("elsewhere/through_link.jpg"), Color.MAGENTA);
        Files.createSymbolicLink(b.resolve("loop"), b);
        Files.createSymbolicLink(b.resolve("dangling.jpg"), root.resolve("missing.jpg"));
    }

    private static Set<String> names(Path base, List<Sample> samples) {
        return samples.stream().map(s -> s.label() + "/" + base.resolve(s.label()).relativize(s.path()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void scanFindsCandidatesKeyedByPathInDeterministicOrder() throws Exception {
        SplitListing listing = DatasetScanner.scan(train, "train");
        assertEquals(List.of("Abstract", "Baroque", "Empty_Style"), listing.classes());
        Set<String> found = names(train, listing.samples());
        assertEquals(new TreeSet<>(Set.of(
                "Abstract/good.jpg", "Abstract/gray.jpeg", "Abstract/cmyk.jpg", "Abstract/alpha.png",
                "Abstract/deep16.png", "Abstract/palette.gif", "Abstract/bitmap.bmp", "Abstract/UPPER.JPG",
                "Abstract/café_ünïcödé.jpg", "Abstract/one_pixel.png", "Abstract/very_wide.png",
                "Abstract/nested/deeper/inner.jpg", "Abstract/truncated.jpg", "Abstract/empty.jpg",
                "Abstract/notes_not_image.png", "Abstract/bomb.png",
                "Baroque/good.jpg", "Baroque/linked.jpg", "Baroque/linked_folder/through_link.jpg")), found);
        // The same file name in two style folders gives two samples.
        assertEquals(2, listing.samples().stream().filter(s -> s.path().getFileName().toString().equals("good.jpg")).count());
        // The loop and the dangling link are reported, not followed or listed.
        Set<String> reasons = listing.skipped().stream().map(s -> s.path().getFileName() + ": " + s.reason())
                .collect(Collectors.toSet());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("loop: symbolic link loop")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("dangling.jpg")), reasons.toString());
        // Deterministic: scanning twice gives the same order.
        assertEquals(listing.samples(), DatasetScanner.scan(train, "train").samples());
    }

    @Test
    void loadKeepsGoodFilesAndSkipsBadOnesWithReasons() throws Exception {
        TestImages.jpeg(root.resolve("test/Abstract/t.jpg"), Color.RED);
        WikiArtDataset data = WikiArtDataset.load(DataOptions.defaults(root).withValidationFraction(0), true, true, 2);
        PreparedSplit split = data.train();
        Map<String, String> skipped = new TreeMap<>();
        for (SkippedFile s : split.skipped()) {
            skipped.put(s.path().getFileName().toString(), s.reason());
        }
        assertEquals(Set.of("truncated.jpg", "empty.jpg", "notes_not_image.png", "bomb.png", "loop", "dangling.jpg"),
                skipped.keySet());
        assertTrue(skipped.get("empty.jpg").contains("0 bytes"), skipped.toString());
        assertTrue(skipped.get("notes_not_image.png").contains("not a supported image format"), skipped.toString());
        assertTrue(skipped.get("bomb.png").contains("30000x30000"), skipped.toString());
        assertEquals(15, split.loadable().size());
        assertEquals(new ClassCount(12, 12), split.counts().get("Abstract"));
        assertEquals(new ClassCount(3, 3), split.counts().get("Baroque"));
        assertEquals(new ClassCount(0, 0), split.counts().get("Empty_Style"));
        assertEquals(List.of("Abstract", "Baroque", "Empty_Style"), data.labelIndex().names());
    }

    @Test
    void strictModeFailsOnTheFirstBadFile() throws Exception {
        Files.createDirectories(root.resolve("test"));
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> WikiArtDataset.load(DataOptions.defaults(root).withStrict(true), true, false, 2));
        assertTrue(e.getMessage().contains("Abstract"), e.getMessage());
    }

    @Test
    void everyKindDecodesToEightBitRgb() throws Exception {
        ImageDecoder decoder = new ImageDecoder();
        Path a = train.resolve("Abstract");
        for (String name : List.of("good.jpg", "gray.jpeg", "cmyk.jpg", "alpha.png", "deep16.png", "palette.gif",
                "bitmap.bmp", "UPPER.JPG", "one_pixel.png", "very_wide.png")) {
            BufferedImage img = decoder.decode(a.resolve(name));
            assertTrue(img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_3BYTE_BGR,
                    name + " decoded to type " + img.getType());
        }
        BufferedImage alpha = decoder.decode(a.resolve("alpha.png"));
        assertEquals(0xFFFFFF, alpha.getRGB(0, 0) & 0xFFFFFF, "transparent pixels become white");
        assertEquals(0xFF0000, alpha.getRGB(9, 9) & 0xFFFFFF);
        int deep = decoder.decode(a.resolve("deep16.png")).getRGB(3, 3) & 0xFFFFFF;
        assertEquals(255, deep >> 16);
        assertTrue(Math.abs(((deep >> 8) & 0xFF) - 128) <= 1, Integer.toHexString(deep));
        int gray = decoder.decode(a.resolve("gray.jpeg")).getRGB(5, 5);
        assertEquals((gray >> 16) & 0xFF, gray & 0xFF, "gray stays gray");
        BufferedImage cmyk = decoder.decode(a.resolve("cmyk.jpg"));
        int left = cmyk.getRGB(2, 8) & 0xFFFFFF;
        int right = cmyk.getRGB(13, 8) & 0xFFFFFF;
        assertTrue(left != right, "the CMYK halves decode to different colours: "
                + Integer.toHexString(left) + " " + Integer.toHexString(right));
        assertTrue((left & 0xFF) > 200 && (right >> 16) > 200 && (right & 0xFF) < 80,
                "white (no ink) and red (magenta + yellow): " + Integer.toHexString(left) + " " + Integer.toHexString(right));
        ImageResizer resizer = new ImageResizer(16, ResizeMode.PAD);
        assertEquals(16 * 16 * 3, resizer.resizeToBytes(decoder.decode(a.resolve("very_wide.png"))).length);
        assertEquals(16 * 16 * 3, resizer.resizeToBytes(decoder.decode(a.resolve("one_pixel.png"))).length);
    }

    @Test
    void bombHeaderIsRefusedWithoutAllocatingItsPixels() throws Exception {
        // Decoding 30000 x 30000 RGBA would need 3.6 GB; the test JVM has a 2 GB heap, so reaching
        // the pixel allocation would fail with OutOfMemoryError rather than this exception.
        Path bomb = train.resolve("Abstract/bomb.png");
        assertTrue(Files.size(bomb) < 200_000);
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> new ImageDecoder().decode(bomb));
        assertEquals(bomb, e.path());
        assertTrue(e.reason().contains("900000000 pixels exceeds the limit of 100000000"), e.reason());
        // A lower limit refuses ordinary images too, naming the limit.
        ImageDecodeException small = assertThrows(ImageDecodeException.class,
                () -> new ImageDecoder(100).decode(train.resolve("Abstract/good.jpg")));
        assertTrue(small.reason().contains("32x24"), small.reason());
    }
}
