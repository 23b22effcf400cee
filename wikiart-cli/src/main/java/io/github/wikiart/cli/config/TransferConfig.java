package io.github.wikiart.cli.config;

import io.github.wikiart.models.ConvAutoencoder;
import io.github.wikiart.train.LearningRateSchedule;
import io.github.wikiart.train.transfer.CinTransferOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code transfer} section: label-conditioned style transfer.
 *
 * @param method {@code transfer.method}
 * @param epochs {@code transfer.epochs}
 * @param batchSize {@code transfer.batch_size}
 * @param learningRate {@code transfer.learning_rate}
 * @param width {@code transfer.width}
 * @param styleWeight {@code transfer.style_weight}
 * @param contentWeight {@code transfer.content_weight}
 * @param styleLayers {@code transfer.style_layers}
 * @param embedDim {@code transfer.embed_dim}
 * @param autoencoderRun {@code transfer.autoencoder_run}
 * @param decoder {@code transfer.decoder}
 * @param features {@code transfer.features}
 * @param featureEpochs {@code transfer.feature_epochs}
 * @param content {@code transfer.content}
 * @param lrSchedule {@code transfer.lr_schedule}
 * @param warmupEpochs {@code transfer.warmup_epochs}
 * @param residual {@code transfer.residual}
 */
public record TransferConfig(String method, int epochs, int batchSize, double learningRate, int width,
                             double styleWeight, double contentWeight, List<Integer> styleLayers, int embedDim,
                             String autoencoderRun, ConvAutoencoder.Upsampler decoder, String features,
                             int featureEpochs, String content, LearningRateSchedule.Shape lrSchedule,
                             int warmupEpochs, boolean residual) {

    /** {@code transfer.method}. */
    public static final ConfigKey<String> METHOD = ConfigKey.custom("transfer.method", ConfigKey.Type.ENUM, "cin",
            "cin or seed", s -> method(s.text()), v -> v,
            "cin: one network conditioned on the style by conditional instance normalisation (works); "
                    + "seed: the original style-embedding method");
    /** {@code transfer.epochs}. */
    public static final ConfigKey<Integer> EPOCHS = TrainingKeys.epochs("transfer", 10);
    /** {@code transfer.batch_size}. */
    public static final ConfigKey<Integer> BATCH_SIZE = TrainingKeys.batchSize("transfer", 8);
    /** {@code transfer.learning_rate}. */
    public static final ConfigKey<Double> LEARNING_RATE = TrainingKeys.learningRate("transfer", 1e-3);
    /** {@code transfer.width}. */
    public static final ConfigKey<Integer> WIDTH = TrainingKeys.width("transfer", 16);
    /** {@code transfer.style_weight}. */
    public static final ConfigKey<Double> STYLE_WEIGHT = ConfigKey.custom("transfer.style_weight",
            ConfigKey.Type.DOUBLE, Double.NaN, "auto or a number >= 0", s -> weight(s.text()),
            v -> v.isNaN() ? "auto" : v,
            "weight of the Gram-matrix style loss; auto = the method's default (cin " + TransferOptions.CIN_STYLE_WEIGHT
                    + ", relative errors; seed 1e6 as the original)");
    /** {@code transfer.content_weight}. */
    public static final ConfigKey<Double> CONTENT_WEIGHT = ConfigKey.custom("transfer.content_weight",
            ConfigKey.Type.DOUBLE, Double.NaN, "auto or a number >= 0", s -> weight(s.text()),
            v -> v.isNaN() ? "auto" : v,
            "weight of the content loss; auto = the method's default (cin " + TransferOptions.CIN_CONTENT_WEIGHT
                    + ", relative errors; seed 1 as the original)");
    /** {@code transfer.style_layers}. */
    public static final ConfigKey<List<Integer>> STYLE_LAYERS = ConfigKey.custom("transfer.style_layers",
            ConfigKey.Type.STRING, List.of(1, 2, 3), "comma-separated layers from 1..3, e.g. 1,2,3",
            s -> layers(s.text()), TransferConfig::joined,
            "seed: encoder layers whose Gram matrices are matched (the original's style_layers)");
    /** {@code transfer.embed_dim}. */
    public static final ConfigKey<Integer> EMBED_DIM = ConfigKey.ofInt("transfer.embed_dim", 300, 1, 65_536,
            "seed: size of the style embedding (the original's embed_dim)");
    /** {@code transfer.autoencoder_run}. */
    public static final ConfigKey<String> AUTOENCODER_RUN = ConfigKey.custom("transfer.autoencoder_run",
            ConfigKey.Type.STRING, "", "a run folder, or empty", s -> s.isNull() ? "" : s.text(), v -> v,
            "seed: a trained autoencoder run to start from; empty = train one first");

    /** {@code transfer.decoder}. */
    public static final ConfigKey<ConvAutoencoder.Upsampler> DECODER = TrainingKeys.decoder("transfer");

    /** {@code transfer.features}. */
    public static final ConfigKey<String> FEATURES = ConfigKey.custom("transfer.features", ConfigKey.Type.ENUM,
            "random", "trained or random", s -> features(s.text()), v -> v,
            "cin: fixed random filters (random), or loss features trained on the training images to tell the styles "
                    + "apart, plus the pixels' colour statistics, with relative losses (trained; see docs/transfer.md)");
    /** {@code transfer.feature_epochs}. */
    public static final ConfigKey<Integer> FEATURE_EPOCHS = ConfigKey.ofInt("transfer.feature_epochs", 5, 1, 1000,
            "cin with trained features: passes over the training images that train the loss features");
    /** {@code transfer.content}. */
    public static final ConfigKey<String> CONTENT = ConfigKey.custom("transfer.content", ConfigKey.Type.STRING, "",
            "a folder of images, or empty", s -> s.isNull() ? "" : s.text(), v -> v,
            "cin: the images the network learns to restyle (a flat folder or style folders, e.g. photographs); "
                    + "empty = the training images");

    /** {@code transfer.lr_schedule}. */
    public static final ConfigKey<LearningRateSchedule.Shape> LR_SCHEDULE = TrainingKeys.lrSchedule("transfer",
            LearningRateSchedule.Shape.CONSTANT);
    /** {@code transfer.warmup_epochs}. */
    public static final ConfigKey<Integer> WARMUP_EPOCHS = TrainingKeys.warmupEpochs("transfer", 0);

    /** {@code transfer.residual}. */
    public static final ConfigKey<Boolean> RESIDUAL = ConfigKey.ofBoolean("transfer.residual", false,
            "cin: the network outputs a change of its input and starts as the identity (keeps the picture), "
                    + "instead of an image");

    /** The keys of this section, in order. */
    public static final List<ConfigKey<?>> KEYS = List.of(METHOD, EPOCHS, BATCH_SIZE, LEARNING_RATE, WIDTH,
            STYLE_WEIGHT, CONTENT_WEIGHT, STYLE_LAYERS, EMBED_DIM, AUTOENCODER_RUN, DECODER, FEATURES, FEATURE_EPOCHS,
            CONTENT, LR_SCHEDULE, WARMUP_EPOCHS, RESIDUAL);

    /** Validates every field, naming the key on failure. */
    public TransferConfig {
        METHOD.check(method);
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        LEARNING_RATE.check(learningRate);
        WIDTH.check(width);
        STYLE_WEIGHT.check(styleWeight);
        CONTENT_WEIGHT.check(contentWeight);
        styleLayers = List.copyOf(styleLayers);
        STYLE_LAYERS.check(styleLayers);
        EMBED_DIM.check(embedDim);
        AUTOENCODER_RUN.check(autoencoderRun);
        DECODER.check(decoder);
        FEATURES.check(features);
        FEATURE_EPOCHS.check(featureEpochs);
        CONTENT.check(content);
        LR_SCHEDULE.check(lrSchedule);
        RESIDUAL.check(residual);
        TrainingKeys.checkWarmup(WARMUP_EPOCHS, warmupEpochs, EPOCHS, epochs);
    }

    private static String features(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (CinTransferOptions.Features f : CinTransferOptions.Features.values()) {
            if (f.key().equals(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException("expected trained or random, got '" + text + "'");
    }

    private static String method(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!TransferOptions.METHODS.contains(v)) {
            throw new IllegalArgumentException("expected cin or seed, got '" + text + "'");
        }
        return v;
    }

    private static Double weight(String text) {
        String v = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (v.equals("auto")) {
            return Double.NaN;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected auto or a number >= 0, got '" + text + "'");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("expected auto or a number >= 0, got '" + text + "'");
        }
        return d;
    }

    private static List<Integer> layers(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim().replace("[", "").replace("]", "");
            if (p.isEmpty()) {
                continue;
            }
            int l;
            try {
                l = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected layer numbers 1..3, got '" + text + "'");
            }
            if (l < 1 || l > 3) {
                throw new IllegalArgumentException("layer " + l + " is not in 1..3");
            }
            out.add(l);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("expected at least one layer in 1..3, got '" + text + "'");
        }
        return List.copyOf(out);
    }

    private static Object joined(List<Integer> layers) {
        StringBuilder sb = new StringBuilder();
        for (int l : layers) {
            sb.append(sb.length() == 0 ? "" : ",").append(l);
        }
        return sb.toString();
    }

    /** @return the section with every key at its default */
    public static TransferConfig defaults() {
        return from(ConfigValues.defaults());
    }

    /**
     * @param v resolved values
     * @return the section
     */
    public static TransferConfig from(ConfigValues v) {
        return new TransferConfig(v.get(METHOD), v.get(EPOCHS), v.get(BATCH_SIZE), v.get(LEARNING_RATE), v.get(WIDTH),
                v.get(STYLE_WEIGHT), v.get(CONTENT_WEIGHT), v.get(STYLE_LAYERS), v.get(EMBED_DIM),
                v.get(AUTOENCODER_RUN), v.get(DECODER), v.get(FEATURES), v.get(FEATURE_EPOCHS), v.get(CONTENT),
                v.get(LR_SCHEDULE), v.get(WARMUP_EPOCHS), v.get(RESIDUAL));
    }

    /** @param b the builder to fill */
    public void writeTo(ConfigValues.Builder b) {
        b.set(METHOD, method).set(EPOCHS, epochs).set(BATCH_SIZE, batchSize).set(LEARNING_RATE, learningRate)
                .set(WIDTH, width).set(STYLE_WEIGHT, styleWeight).set(CONTENT_WEIGHT, contentWeight)
                .set(STYLE_LAYERS, styleLayers).set(EMBED_DIM, embedDim).set(AUTOENCODER_RUN, autoencoderRun)
                .set(DECODER, decoder).set(FEATURES, features).set(FEATURE_EPOCHS, featureEpochs)
                .set(CONTENT, content).set(LR_SCHEDULE, lrSchedule).set(WARMUP_EPOCHS, warmupEpochs)
                .set(RESIDUAL, residual);
    }

    /** @return the training library's options */
    public TransferOptions toOptions() {
        return new TransferOptions(method, epochs, batchSize, learningRate, width, styleWeight, contentWeight,
                styleLayers, embedDim, autoencoderRun.isEmpty() ? null : Path.of(autoencoderRun),
                decoder == ConvAutoencoder.Upsampler.UPSAMPLE, residual,
                CinTransferOptions.Features.valueOf(features.toUpperCase(Locale.ROOT)), featureEpochs,
                content.isEmpty() ? null : Path.of(content),
                new LearningRateSchedule(lrSchedule, warmupEpochs));
    }
}
