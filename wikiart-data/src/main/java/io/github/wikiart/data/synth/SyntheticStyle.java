package io.github.wikiart.data.synth;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * The built-in procedural styles, in their fixed order. Each is a rendering recipe with its own
 * colour family, texture, stroke pattern and geometry; {@link #name()} is its folder name.
 *
 * <p>Rendering draws the content (shapes, horizon, tones) from a random stream seeded only by the
 * content seed and the style's texture from a stream seeded by the content seed and the style,
 * so one content seed gives the same layout in every style.
 */
public enum SyntheticStyle {
    /** Dense jittered dots in warm orange and yellow on cream. */
    Pointillism(Palette.of(0x7A3E1E, 0xD9782F, 0xF4C15A, 0xFFF0C8), Recipes::pointillism),
    /** Posterised flat violets cut by narrow hard-edged vertical stripes. */
    Hard_Edge_Stripes(Palette.of(0x3C1478, 0x8C3CC8, 0xD2A0F0), Recipes::hardEdgeStripes),
    /** Indigo to sky blue, with dense rows of wave lines: foam on dark water, ink on light. */
    Ukiyo_Waves(Palette.of(0x14285A, 0x3C78B4, 0x8CBEE6), Recipes::ukiyoWaves),
    /** A halftone of purple, magenta and cyan dots on yellow. */
    Pop_Dots(Palette.of(0x3C0A50, 0xE6148C, 0x00B4E6), Recipes::popDots),
    /** Outlined Voronoi facets in ochre, brown and grey. */
    Cubist_Facets(Palette.of(0x3C2D23, 0x8C643C, 0xB4AA96, 0xE1D7BE), Recipes::cubistFacets),
    /** Black ink hatching at 45 degrees on off-white paper. */
    Ink_Hatching(Palette.of(0x1C1C26, 0xF2EDE0), Recipes::inkHatching),
    /** Smooth, soft-edged fields of crimson and orange. */
    Color_Field(Palette.of(0x460A19, 0xAA1923, 0xE1502D, 0xF59650), Recipes::colorField),
    /** Teal and gold tiles with dark grout. */
    Mosaic_Tiles(Palette.of(0x0A3C46, 0x148282, 0x50BEAA, 0xE6C864), Recipes::mosaicTiles),
    /** Short thick slanted strokes in greens over grain. */
    Impasto_Strokes(Palette.of(0x143214, 0x326E28, 0x8CAA3C, 0xDCE696), Recipes::impastoStrokes),
    /** Contrasty blue-grey tones with a vignette and heavy film grain. */
    Noir_Grain(Palette.of(0x0A0C12, 0x3C4150, 0x969BAA, 0xD7DAE1), Recipes::noirGrain);

    /** The smallest image side accepted by {@link #render(long, int)}. */
    public static final int MIN_SIZE = 8;
    /** The largest image side accepted by {@link #render(long, int)}. */
    public static final int MAX_SIZE = 4096;

    private static final long STYLE_STREAM = 0x7374796CL;

    private final Palette palette;
    private final StyleRecipe recipe;

    SyntheticStyle(Palette palette, StyleRecipe recipe) {
        this.palette = palette;
        this.recipe = recipe;
    }

    /**
     * Renders one image of this style.
     *
     * @param contentSeed selects the content (layout and tones); shared across styles
     * @param size the side in pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}
     * @return a new {@code size x size} {@link BufferedImage#TYPE_INT_RGB} image
     * @throws IllegalArgumentException if {@code size} is out of range
     */
    public BufferedImage render(long contentSeed, int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "size must be in " + MIN_SIZE + ".." + MAX_SIZE + ", got " + size);
        }
        ContentMap content = ContentMap.generate(contentSeed, size);
        // String.hashCode is specified, so the texture stream does not depend on enum order.
        SplittableRandom texture = new SplittableRandom(
                Seeds.combine(contentSeed, STYLE_STREAM, name().hashCode()));
        Canvas canvas = new Canvas(size);
        recipe.paint(content, palette, texture, canvas);
        return canvas.toImage();
    }
}
