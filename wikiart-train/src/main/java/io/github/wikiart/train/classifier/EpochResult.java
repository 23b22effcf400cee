package io.github.wikiart.train.classifier;

import io.github.wikiart.train.loop.ResultCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one training epoch achieved.
 *
 * @param epoch the epoch, starting at 1
 * @param trainLoss mean training loss over the epoch's batches
 * @param test the evaluation on the test split after the epoch
 * @param imagesPerSecond training throughput of the epoch (forward, backward and update, data
 *     loading included; evaluation excluded)
 * @param seconds wall time of the epoch's training part
 * @param learningRate the learning rate the optimiser used in the epoch (read back from the
 *     network; NaN when it has no fixed rate)
 * @param validation the evaluation on the validation split after the epoch, or null without one
 */
public record EpochResult(int epoch, double trainLoss, ClassificationReport test, double imagesPerSecond,
                          double seconds, double learningRate, ClassificationReport validation) {
    /**
     * A result without a validation split.
     *
     * @param epoch the epoch
     * @param trainLoss mean training loss
     * @param test the test evaluation
     * @param imagesPerSecond training throughput
     * @param seconds wall time of the training part
     * @param learningRate the learning rate of the epoch
     */
    public EpochResult(int epoch, double trainLoss, ClassificationReport test, double imagesPerSecond,
                       double seconds, double learningRate) {
        this(epoch, trainLoss, test, imagesPerSecond, seconds, learningRate, null);
    }

    /** @return the evaluation that chooses the best epoch: validation when there is one, else test */
    public ClassificationReport selection() {
        return validation != null ? validation : test;
    }

    /** Writes results into resume checkpoints and reads them back bit for bit. */
    public static final ResultCodec<EpochResult> CODEC = new ResultCodec<>() {
        @Override
        public Map<String, Object> encode(EpochResult r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", r.epoch());
            m.put("train_loss", ResultCodec.exact(r.trainLoss()));
            m.put("classes", r.test().classes());
            m.put("confusion", r.test().confusion());
            m.put("test_loss", ResultCodec.exact(r.test().meanLoss()));
            m.put("images_per_second", ResultCodec.exact(r.imagesPerSecond()));
            m.put("seconds", ResultCodec.exact(r.seconds()));
            m.put("learning_rate", ResultCodec.exact(r.learningRate()));
            if (r.validation() != null) {
                m.put("validation_confusion", r.validation().confusion());
                m.put("validation_loss", ResultCodec.exact(r.validation().meanLoss()));
            }
            return m;
        }

        @Override
        public EpochResult decode(Map<String, Object> m) {
            List<String> classes = new ArrayList<>();
            ((List<?>) m.get("classes")).forEach(c -> classes.add((String) c));
            ClassificationReport validation = m.containsKey("validation_confusion")
                    ? new ClassificationReport(classes, matrix(m.get("validation_confusion")),
                            ResultCodec.exact(m, "validation_loss")) : null;
            return new EpochResult(((Number) m.get("epoch")).intValue(), ResultCodec.exact(m, "train_loss"),
                    new ClassificationReport(classes, matrix(m.get("confusion")), ResultCodec.exact(m, "test_loss")),
                    ResultCodec.exact(m, "images_per_second"), ResultCodec.exact(m, "seconds"),
                    ResultCodec.exact(m, "learning_rate"), validation);
        }

        private int[][] matrix(Object json) {
            List<?> rows = (List<?>) json;
            int[][] confusion = new int[rows.size()][];
            for (int i = 0; i < confusion.length; i++) {
                List<?> row = (List<?>) rows.get(i);
                confusion[i] = row.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
            }
            return confusion;
        }
    };
}
