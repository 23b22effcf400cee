package io.github.wikiart.cli;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code wikiart demo}: the main job on generated data, needing nothing the user does not have.
 * For now it generates a synthetic dataset, loads it through the data layer and shows its
 * statistics.
 */
public final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the whole pipeline on generated data (no downloads)";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.out("folder for the generated data and results (default demo-out)"))
                .addOption(Flags.seed(42));
    }

    @Override
    public String example() {
        return "wikiart demo --out /tmp/wikiart-demo";
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
        console.out().println("== 2. loading it: label index, verification, resampling (train: mean)");
        DataOptions options = DataOptions.defaults(dataDir).withSeed(seed)
                .withSampling(io.github.wikiart.data.Sampling.parse("mean"), io.github.wikiart.data.Sampling.NONE);
        WikiArtDataset data = WikiArtDataset.load(options, true, true);
        console.out().printf("   label index: %s%n", data.labelIndex().names());
        data.splits().values().forEach(split -> console.out().printf("   %s: %d samples, %d skipped%n",
                split.name(), split.samples().size(), split.skipped().size()));
        console.out().println("== done. Inspect the data with: wikiart data stats --data " + dataDir);
        return ExitCodes.OK;
    }
}
