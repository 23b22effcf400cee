package io.github.wikiart.reports.transfer;

import java.awt.image.BufferedImage;

/**
 * Transfers style on luminance only (Gatys, Bethge, Hertzmann and Shechtman 2016, "Preserving
 * Color in Neural Artistic Style Transfer", luminance-only transfer, applied to the output): the
 * result has the stylised image's luminance Y and the photo's chrominance Cb and Cr (YCbCr,
 * ITU-R BT.601, full range as in JPEG).
 *
 * <p>Where the stylised luminance with the photo's chrominance falls outside the RGB cube, the
 * luminance is moved to the nearest value inside it (which always exists: the photo's own
 * luminance is one), so the chrominance is kept to within 8-bit rounding and only the luminance
 * of such pixels is clipped.
 */
public final class KeepColours {
    private static final double KR = 0.299;
    private static final double KB = 0.114;
    private static final double KG = 1 - KR - KB;

    private KeepColours() {
    }

    /**
     * @param photo the photo, as large as {@code styled}
     * @param styled the stylised image
     * @return the stylised image's luminance with the photo's colours, TYPE_INT_RGB
     * @throws IllegalArgumentException when the sizes differ
     */
    public static BufferedImage apply(BufferedImage photo, BufferedImage styled) {
        int w = styled.getWidth();
        int h = styled.getHeight();
        if (photo.getWidth() != w || photo.getHeight() != h) {
            throw new IllegalArgumentException("photo is " + photo.getWidth() + "x" + photo.getHeight()
                    + " but the stylised image " + w + "x" + h);
        }
        int[] p = photo.getRGB(0, 0, w, h, null, 0, w);
        int[] s = styled.getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = combine(p[i], luma(s[i]));
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, out, 0, w);
        return result;
    }

    /** @param rgb a pixel @return its luminance Y in [0, 255] */
    static double luma(int rgb) {
        return KR * ((rgb >> 16) & 0xFF) + KG * ((rgb >> 8) & 0xFF) + KB * (rgb & 0xFF);
    }

    /**
     * @param rgb a pixel
     * @return its {@code {Cb, Cr}}, each in [0, 255] with 128 for grey
     */
    static double[] chroma(int rgb) {
        double y = luma(rgb);
        return new double[] {128 + ((rgb & 0xFF) - y) / (2 * (1 - KB)),
            128 + (((rgb >> 16) & 0xFF) - y) / (2 * (1 - KR))};
    }

    /** The pixel with the photo pixel's chrominance and luminance {@code y}, clipped into the RGB cube. */
    private static int combine(int photo, double y) {
        double yp = luma(photo);
        // Each channel is Y plus an offset that depends on the chrominance only: the photo's offsets.
        double dr = ((photo >> 16) & 0xFF) - yp;
        double dg = ((photo >> 8) & 0xFF) - yp;
        double db = (photo & 0xFF) - yp;
        double low = Math.max(0, Math.max(-dr, Math.max(-dg, -db)));
        double high = Math.min(255, Math.min(255 - dr, Math.min(255 - dg, 255 - db)));
        double yc = Math.min(high, Math.max(low, y));
        return (channel(yc + dr) << 16) | (channel(yc + dg) << 8) | channel(yc + db);
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
