package io.github.wikiart.train.autoencoder;

import io.github.wikiart.train.loop.ResultCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one autoencoder epoch achieved.
 *
 * @param epoch the epoch, from 1
 * @param trainMse mean training loss (mean squared error per pixel value, pixels in [0, 1])
 * @param testMse mean squared error on the test split after the epoch (the validation loss)
 * @param imagesPerSecond training throughput of the epoch
 * @param seconds wall time of the epoch's training part
 * @param validationMse mean squared error on the validation split after the epoch, NaN without one
 */
public record AutoencoderEpoch(int epoch, double trainMse, double testMse, double imagesPerSecond, double seconds,
                               double validationMse) {
    /**
     * A result without a validation split.
     *
     * @param epoch the epoch
     * @param trainMse mean training loss
     * @param testMse test mean squared error
     * @param imagesPerSecond training throughput
     * @param seconds wall time of the training part
     */
    public AutoencoderEpoch(int epoch, double trainMse, double testMse, double imagesPerSecond, double seconds) {
        this(epoch, trainMse, testMse, imagesPerSecond, seconds, Double.NaN);
    }

    /** @return the error that chooses the best epoch: validation when there is one, else test */
    public double selectionMse() {
        return Double.isNaN(validationMse) ? testMse : validationMse;
    }

    /** @return the validation PSNR in dB, NaN without a validation split */
    public double validationPsnrDb() {
        return 10 * Math.log10(1.0 / validationMse);
    }

    /** @return the test PSNR in dB: 10 log10(1 / mse) */
    public double testPsnrDb() {
        return 10 * Math.log10(1.0 / testMse);
    }

    /** Writes results into resume checkpoints and reads them back bit for bit. */
    public static final ResultCodec<AutoencoderEpoch> CODEC = new ResultCodec<>() {
        @Override
        public Map<String, Object> encode(AutoencoderEpoch r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", r.epoch());
            m.put("train_mse", ResultCodec.exact(r.trainMse()));
            m.put("test_mse", ResultCodec.exact(r.testMse()));
            m.put("images_per_second", ResultCodec.exact(r.imagesPerSecond()));
            m.put("seconds", ResultCodec.exact(r.seconds()));
            m.put("validation_mse", ResultCodec.exact(r.validationMse()));
            return m;
        }

        @Override
        public AutoencoderEpoch decode(Map<String, Object> m) {
            return new AutoencoderEpoch(((Number) m.get("epoch")).intValue(), ResultCodec.exact(m, "train_mse"),
                    ResultCodec.exact(m, "test_mse"), ResultCodec.exact(m, "images_per_second"),
                    ResultCodec.exact(m, "seconds"), ResultCodec.exact(m, "validation_mse"));
        }
    };
}
