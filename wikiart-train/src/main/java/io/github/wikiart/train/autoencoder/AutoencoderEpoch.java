package io.github.wikiart.train.autoencoder;

/**
 * What one autoencoder epoch achieved.
 *
 * @param epoch the epoch, from 1
 * @param trainMse mean training loss (mean squared error per pixel value, pixels in [0, 1])
 * @param testMse mean squared error on the test split after the epoch (the validation loss)
 * @param imagesPerSecond training throughput of the epoch
 * @param seconds wall time of the epoch's training part
 */
public record AutoencoderEpoch(int epoch, double trainMse, double testMse, double imagesPerSecond, double seconds) {
    /** @return the test PSNR in dB: 10 log10(1 / mse) */
    public double testPsnrDb() {
        return 10 * Math.log10(1.0 / testMse);
    }
}
