package io.github.wikiart.cli;

import io.github.wikiart.train.config.ConfigLoader;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.train.AutoencoderRun;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.latent.LatentReport;
import io.github.wikiart.data.synth.SyntheticDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code wikiart demo}: the main job on generated data, needing nothing the user does not have:
 * a synthetic style dataset, its statistics, both style classifiers trained and evaluated, the
 * autoencoder with its reconstruction grid and latent-space plots, and a short style transfer judged
 * by an independently trained classifier.
 */
public final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the whole pipeline on generated data (no downloads): data, classifiers, autoencoder, style transfer";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.out("folder for the generated data and results (default demo-out)"))
                .addOption(Flags.seed(42))
                .addOption(Flags.set());
    }

    @Override
    public String example() {
        return "wikiart demo --out /tmp/wikiart-demo\n"
                + "wikiart demo --set classifier.epochs=3";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path out = Path.of(line.getOptionValue("out", "demo-out"));
        long seed = Flags.longValue(line, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        Path dataDir = out.resolve("data");
        console.out().println("== 1. generating a synthetic style dataset in " + dataDir);
        SyntheticDataset synth = SyntheticStyles.builder().styles(6).trainPerStyle(60).testPerStyle(20).size(64)
                .seed(seed).overwrite(true).build().write(dataDir);
        console.out().printf("   %d images, styles: %s%n", synth.imageCount(), String.join(", ", synth.styleNames()));

        List<String> settings = new ArrayList<>(List.of("seed=" + seed, "data.root=" + dataDir,
                "data.image_size=64", "data.train_sampling=mean", "output.runs_dir=" + out.resolve("runs"),
                "classifier.epochs=8"));
        String[] user = line.getOptionValues("set");
        if (user != null) {
            settings.addAll(List.of(user));
        }
        WikiartConfig config = ConfigLoader.fromOverrides(settings);

        console.out().println("== 2. loading it: label index, verification, resampling (train: mean)");
        WikiArtDataset data = WikiArtDataset.load(config.data().withSeed(seed), true, true);
        console.out().printf("   label index: %s%n", data.labelIndex().names());
        data.splits().values().forEach(split -> console.out().printf("   %s: %d samples, %d skipped%n",
                split.name(), split.samples().size(), split.skipped().size()));

        int step = 3;
        for (String model : List.of("stylenet", "seed")) {
            WikiartConfig c = ConfigLoader.fromOverrides(append(settings, "classifier.model=" + model));
            console.out().printf("== %d. training the %s classifier (%d epochs)%n", step++, model,
                    c.classifier().epochs());
            ClassifyTrainCommand.Outcome o = ClassifyTrainCommand.train(c, null, console);
            Map<String, Object> s = o.summary();
            console.out().printf(Locale.ROOT, "   test accuracy %.3f, macro-F1 %.3f, %.0f images/s; plots in %s%n",
                    (Double) s.get("test_accuracy"), (Double) s.get("macro_f1"),
                    ((Number) s.get("train_images_per_second")).doubleValue(), o.run().dir().resolve("plots"));
        }
        WikiartConfig ae = ConfigLoader.fromOverrides(append(settings, "autoencoder.epochs=8"));
        console.out().printf("== %d. training the convolutional autoencoder (%d epochs)%n", step++,
                ae.autoencoder().epochs());
        AutoencoderTrainCommand.Outcome a = AutoencoderTrainCommand.train(ae, null, console);
        Map<String, Object> as = a.summary();
        console.out().printf(Locale.ROOT, "   test PSNR %.2f dB (mean-image baseline %.2f dB), %.0f images/s%n",
                ((Number) as.get("test_psnr_db")).doubleValue(),
                ((Number) as.get("baseline_mean_image_psnr_db")).doubleValue(),
                ((Number) as.get("train_images_per_second")).doubleValue());
        AutoencoderRun.TestSet test = AutoencoderRun.testSet(a.run().dir(), Checkpoints.Which.LAST, null);
        Path plots = a.run().plots();
        AutoencoderViews.reconstructionGrid(test, 12, plots.resolve("reconstructions.png"));
        LatentReport latent = AutoencoderViews.latentPlots(test, plots, seed);
        console.out().printf(Locale.ROOT, "   latent space vs styles: NMI %.3f, ARI %.3f, purity %.3f; plots in %s%n",
                latent.nmi(), latent.adjustedRandIndex(), latent.purity(), plots);
        List<String> small = append(append(settings, "data.image_size=32"), "transfer.epochs=4");
        WikiartConfig judgeConfig = ConfigLoader.fromOverrides(append(append(small, "classifier.epochs=4"),
                "seed=" + (seed + 1)));
        console.out().printf("== %d. training an independent judge classifier at 32 px (seed %d)%n", step++, seed + 1);
        ClassifyTrainCommand.Outcome judge = ClassifyTrainCommand.train(judgeConfig, null, console);
        WikiartConfig transfer = ConfigLoader.fromOverrides(small);
        console.out().printf("== %d. training style transfer (cin, 32 px, %d epochs) and judging it%n", step++,
                transfer.transfer().epochs());
        io.github.wikiart.train.transfer.TransferRun.Outcome t = TransferTrainCommand.train(transfer, null, console);
        Map<String, Object> eval = TransferEvalCommand.evaluate(t.run().dir(), List.of(judge.run().dir()),
                dataDir.resolve("test"), null);
        Path tPlots = t.run().dir().resolve("plots");
        TransferGridCommand.write(t.model(), TransferImages.content(dataDir.resolve("test")), tPlots, false, 8, seed);
        TransferGridCommand.write(t.model(), TransferImages.content(dataDir.resolve("test")), tPlots, true, 1, seed);
        console.out().printf(Locale.ROOT, "   hit rate %.3f (chance %.3f), style spread %.1f grey levels, content "
                        + "retention %.3f; grids in %s%n", (Double) eval.get("hit_rate"), (Double) eval.get("chance"),
                (Double) eval.get("style_spread"), (Double) eval.get("content_retention"), tPlots);
        console.out().println("== done. Try: wikiart classify predict --run <a classifier run folder above> "
                + dataDir.resolve("test").resolve(synth.styleNames().get(0)).resolve("img_00000.jpg"));
        return ExitCodes.OK;
    }

    private static List<String> append(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
