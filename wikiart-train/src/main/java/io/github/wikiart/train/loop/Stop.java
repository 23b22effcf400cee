package io.github.wikiart.train.loop;

import java.util.Locale;

/**
 * Why a {@link TrainingLoop} stopped early: a batch's loss was not finite.
 *
 * @param epoch the epoch of that batch, from 1
 * @param batch the batch within the epoch, from 1
 * @param loss the loss (NaN or infinite)
 */
public record Stop(int epoch, int batch, double loss) {
    /** @return the last epoch whose checkpoints were written, 0 if none */
    public int keptEpoch() {
        return epoch - 1;
    }

    /** @return a sentence naming the epoch and batch and what was kept */
    public String message() {
        return String.format(Locale.ROOT, "loss became %s in epoch %d, batch %d; stopped, the checkpoints of epoch %d"
                + " are kept", loss, epoch, batch, keptEpoch());
    }
}
