package io.github.wikiart.cli;

import io.github.wikiart.train.config.ConfigLoader;
import io.github.wikiart.train.config.WikiartConfig;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticDataset;
import io.github.wikiart.reports.autoencoder.AutoencoderTraining;
import io.github.wikiart.reports.autoencoder.LatentSpace;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.reports.demo.Demo;
import io.github.wikiart.reports.demo.DemoListener;
import io.github.wikiart.reports.demo.DemoOptions;
import io.github.wikiart.reports.demo.DemoStep;
import io.github.wikiart.reports.transfer.TransferEvaluation;
import io.github.wikiart.reports.transfer.TransferTraining;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code wikiart demo}: the main job on generated data, needing nothing the user does not have:
 * a synthetic style dataset, its statistics, both style classifiers trained and evaluated, the
 * autoencoder with its reconstruction grid and latent-space plots, and a short style transfer judged
 * by an independently trained classifier.
 */
public final class DemoCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public DemoCommand() {
        super("demo",
                "run the whole pipeline on generated data (no downloads): data, classifiers, autoencoder, style transfer",
                "",
                "wikiart demo --out /tmp/wikiart-demo\n"
                        + "wikiart demo --set classifier.epochs=3");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.out("folder for the generated data and results (default demo-out)"))
                .addOption(Flags.seed(42))
                .addOption(Flags.set());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path out = Path.of(line.getOptionValue("out", "demo-out"));
        long seed = Flags.longValue(line, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        Path dataDir = out.resolve("data");
        List<String> settings = new ArrayList<>(List.of("seed=" + seed, "data.root=" + dataDir,
                "data.image_size=64", "data.train_sampling=mean", "output.runs_dir=" + out.resolve("runs"),
                "classifier.epochs=8"));
        String[] user = line.getOptionValues("set");
        if (user != null) {
            settings.addAll(List.of(user));
        }
        WikiartConfig config = ConfigLoader.fromOverrides(settings);
        DemoOptions options = new DemoOptions(config.output().runsDir(), seed, config.data(),
                config.classifier(), config.autoencoder(), config.transfer(),
                DemoOptions.Scale.STANDARD);
        Demo.Result r = Demo.run(options, new Printer(console));
        console.out().println("== done. Try: wikiart classify predict --run <a classifier run folder above> "
                + dataDir.resolve("test").resolve(r.generated().styleNames().get(0)).resolve("img_00000.jpg"));
        return ExitCodes.OK;
    }

    /** Prints each step and its result. */
    private static final class Printer extends ProgressBar implements DemoListener {
        private final Console console;

        Printer(Console console) {
            super(console.progress(), !console.quiet() && System.console() != null, false);
            this.console = console;
        }

            @Override
        public void onStep(DemoStep s, int number, String description) {
            console.out().println("== " + number + ". " + description);
        }

        @Override
        public void onGenerated(SyntheticDataset synth) {
            console.out().printf("   %d images, styles: %s%n", synth.imageCount(), String.join(", ", synth.styleNames()));
        }

        @Override
        public void onLoaded(WikiArtDataset data) {
            console.out().printf("   label index: %s%n", data.labelIndex().names());
            data.splits().values().forEach(split -> console.out().printf("   %s: %d samples, %d skipped%n",
                    split.name(), split.samples().size(), split.skipped().size()));
        }

        @Override
        public void onClassifier(ClassifierTraining.Result r) {
            console.out().printf(Locale.ROOT, "   test accuracy %.3f, macro-F1 %.3f, %.0f images/s; plots in %s%n",
                    r.testAccuracy(), r.macroF1(), r.imagesPerSecond(), r.plots());
        }

        @Override
        public void onAutoencoder(AutoencoderTraining.Result r) {
            console.out().printf(Locale.ROOT, "   test PSNR %.2f dB (mean-image baseline %.2f dB), %.0f images/s%n",
                    r.testPsnrDb(), r.baselinePsnrDb(), r.imagesPerSecond());
        }

        @Override
        public void onLatentSpace(LatentSpace latent) {
            console.out().printf(Locale.ROOT, "   latent space vs styles: NMI %.3f, ARI %.3f, purity %.3f; plots in %s%n",
                    latent.report().nmi(), latent.report().adjustedRandIndex(), latent.report().purity(),
                    latent.byStyle().getParent());
        }

        @Override
        public void onTransfer(TransferTraining.Result t, TransferEvaluation e) {
            console.out().printf(Locale.ROOT, "   hit rate %.3f (chance %.3f), style spread %.1f grey levels, content "
                            + "retention %.3f; grids in %s%n", e.hitRate(), e.chance(), e.styleSpread(),
                    e.contentRetention(), t.run().dir().resolve("plots"));
        }
    }
}
