package io.github.wikiart.train.latent;

/**
 * Reconstruction quality of an autoencoder: mean squared error and peak signal-to-noise ratio
 * for pixel values in {@code [0, 1]}, so the peak is 1 and {@code PSNR = 10 log10(1 / MSE)} dB.
 */
public final class ImageQuality {
    private ImageQuality() {
    }

    /**
     * Mean squared difference, accumulated in double precision.
     *
     * @param a pixels of one image (any layout, e.g. flattened CHW)
     * @param b pixels of the other, same length, at least one value
     * @return the mean of {@code (a[i] - b[i])^2}
     * @throws IllegalArgumentException on null, empty or mismatched arrays
     */
    public static double mse(float[] a, float[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException((a == null ? "a" : "b") + " is null");
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("images differ in size: " + a.length + " vs " + b.length + " values");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("images are empty");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    /**
     * Peak signal-to-noise ratio for a peak value of 1.
     *
     * @param mse mean squared error, non-negative
     * @return {@code 10 log10(1 / mse)} in dB, {@code +Infinity} when {@code mse} is 0
     * @throws IllegalArgumentException if {@code mse} is negative or NaN
     */
    public static double psnrDb(double mse) {
        if (!(mse >= 0)) {
            throw new IllegalArgumentException("mse must be non-negative, got " + mse);
        }
        if (mse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -10.0 * Math.log10(mse);
    }

    /**
     * Peak signal-to-noise ratio between two images with pixels in {@code [0, 1]}.
     *
     * @param a pixels of one image
     * @param b pixels of the other, same length, at least one value
     * @return PSNR in dB, {@code +Infinity} for identical images
     * @throws IllegalArgumentException on null, empty or mismatched arrays
     */
    public static double psnrDb(float[] a, float[] b) {
        return psnrDb(mse(a, b));
    }
}
