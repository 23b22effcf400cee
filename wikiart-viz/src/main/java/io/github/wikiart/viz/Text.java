package io.github.wikiart.viz;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/** Fits labels into a pixel width: shortening with an ellipsis and wrapping onto lines. */
final class Text {
    private static final String ELLIPSIS = "\u2026";

    private Text() {
    }

    /**
     * Turns an identifier-like class name such as {@code Abstract_Expressionism} into words.
     *
     * @param name the raw name
     * @return the name with underscores as spaces
     */
    static String readable(String name) {
        return name.replace('_', ' ').trim();
    }

    /**
     * Shortens {@code text} with a trailing ellipsis until it fits.
     *
     * @param text the text
     * @param metrics metrics of the font it will be drawn in
     * @param maxWidth available width in pixels
     * @return {@code text} itself if it fits, otherwise its longest fitting prefix plus an ellipsis
     *     (possibly just the ellipsis, or empty if not even that fits)
     */
    static String ellipsize(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        int keep = text.length();
        while (keep > 0 && metrics.stringWidth(text.substring(0, keep).stripTrailing() + ELLIPSIS) > maxWidth) {
            keep--;
        }
        if (keep == 0) {
            return metrics.stringWidth(ELLIPSIS) <= maxWidth ? ELLIPSIS : "";
        }
        return text.substring(0, keep).stripTrailing() + ELLIPSIS;
    }

    /**
     * Wraps {@code text} at spaces and underscores onto at most {@code maxLines} lines of
     * {@code maxWidth} pixels; the last line is ellipsized if text remains.
     *
     * @param text the text
     * @param metrics metrics of the font it will be drawn in
     * @param maxWidth available width in pixels
     * @param maxLines at most this many lines, at least 1
     * @return the lines, at least one (possibly empty)
     */
    static List<String> wrap(String text, FontMetrics metrics, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (lines.size() < maxLines - 1 && metrics.stringWidth(rest) > maxWidth) {
            int cut = lastBreakThatFits(rest, metrics, maxWidth);
            if (cut <= 0) {
                break;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        lines.add(ellipsize(rest, metrics, maxWidth));
        return lines;
    }

    /** The end index of the longest prefix ending before a space or after an underscore that fits. */
    private static int lastBreakThatFits(String text, FontMetrics metrics, int maxWidth) {
        int best = -1;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            int end = c == ' ' ? i : text.charAt(i - 1) == '_' ? i : -1;
            if (end > 0) {
                if (metrics.stringWidth(text.substring(0, end).strip()) <= maxWidth) {
                    best = end;
                } else {
                    break;
                }
            }
        }
        return best;
    }
}
