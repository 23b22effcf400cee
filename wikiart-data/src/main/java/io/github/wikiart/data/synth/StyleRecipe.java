package io.github.wikiart.data.synth;

import java.util.SplittableRandom;

/** How one style paints a content map: stroke pattern, texture and geometry over a palette. */
@FunctionalInterface
interface StyleRecipe {
    /**
     * Paints every pixel of {@code canvas}.
     *
     * @param content the tone map (same size as the canvas)
     * @param palette the style's colours, dark to light
     * @param rnd the style's random stream for this image
     * @param canvas the target
     */
    void paint(ContentMap content, Palette palette, SplittableRandom rnd, Canvas canvas);
}
