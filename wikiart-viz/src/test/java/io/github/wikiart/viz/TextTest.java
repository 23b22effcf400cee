package io.github.wikiart.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
    private final FontMetrics fm = metrics();

    @Test
    void readableReplacesUnderscores() {
        assertEquals("Abstract Expressionism", Text.readable("Abstract_Expressionism"));
    }

    @Test
    void ellipsizeKeepsFittingTextAndShortensTheRest() {
        assertEquals("Baroque", Text.ellipsize("Baroque", fm, 500));
        String shortened = Text.ellipsize("Mannerism Late Renaissance", fm, 80);
        assertTrue(shortened.endsWith("\u2026") && fm.stringWidth(shortened) <= 80, shortened);
        assertEquals("", Text.ellipsize("Rococo", fm, 1));
    }

    @Test
    void wrapBreaksAtSpacesAndUnderscores() {
        int width = fm.stringWidth("Mannerism_Late_") + 1;
        List<String> lines = Text.wrap("Mannerism_Late_Renaissance", fm, width, 2);
        assertEquals("Mannerism_Late_", lines.get(0));
        assertEquals(2, lines.size());
        assertTrue(fm.stringWidth(lines.get(1)) <= width);
        assertEquals(List.of("Pop Art"), Text.wrap("Pop Art", fm, 500, 2));
        for (String line : Text.wrap("a b c d e f g h i j k l m n o p q r s t u v w x y z", fm, 40, 2)) {
            assertTrue(fm.stringWidth(line) <= 40, line);
        }
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        FontMetrics m = g.getFontMetrics(ImageGrid.CAPTION_FONT);
        g.dispose();
        return m;
    }
}
