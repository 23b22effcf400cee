package io.github.wikiart.cli;

import io.github.wikiart.data.synth.ImageFormat;
import io.github.wikiart.data.synth.SyntheticDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart synth}: writes a synthetic style dataset in the WikiArt layout. */
public final class SynthCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public SynthCommand() {
        super("synth",
                "write a synthetic style dataset (train|test/<Style>/<image>), seeded and byte-for-byte reproducible",
                "",
                "wikiart synth --out /tmp/styles --styles 6 --train-per-style 100 --test-per-style 20 --size 64 --seed 7");
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Flags.out("folder to write train/ and test/ into (required)"))
                .addOption(Option.builder().longOpt("styles").hasArg().argName("K")
                        .desc("number of styles, 1.." + SyntheticStyles.availableStyles() + " (default 6)").build())
                .addOption(Option.builder().longOpt("train-per-style").hasArg().argName("N")
                        .desc("training images per style (default 40)").build())
                .addOption(Option.builder().longOpt("test-per-style").hasArg().argName("M")
                        .desc("test images per style (default 10)").build())
                .addOption(Option.builder().longOpt("size").hasArg().argName("PX").desc("image side (default 64)").build())
                .addOption(Option.builder().longOpt("format").hasArg().argName("jpg|png")
                        .desc("image format (default jpg)").build())
                .addOption(Option.builder().longOpt("overwrite")
                        .desc("replace existing train/ and test/ folders in --out").build())
                .addOption(Flags.seed(42));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path out = Path.of(Flags.required(line, "out"));
        SyntheticStyles.Builder builder = SyntheticStyles.builder()
                .styles(Flags.intInRange(line, "styles", 1, SyntheticStyles.availableStyles(), 6))
                .trainPerStyle(Flags.intInRange(line, "train-per-style", 1, 1_000_000, 40))
                .testPerStyle(Flags.intInRange(line, "test-per-style", 0, 1_000_000, 10))
                .size(Flags.intInRange(line, "size", 8, 4096, 64))
                .seed(Flags.longValue(line, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE))
                .overwrite(line.hasOption("overwrite"))
                .format(format(line.getOptionValue("format", "jpg")));
        SyntheticDataset written;
        try {
            written = builder.build().write(out);
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage() + " (use --overwrite to replace it)");
        }
        console.out().printf("wrote %d images of %d styles to %s (train %d, test %d per style): %s%n",
                written.imageCount(), written.styleNames().size(), written.root(), written.trainPerStyle(),
                written.testPerStyle(), String.join(", ", written.styleNames()));
        return ExitCodes.OK;
    }

    static ImageFormat format(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "jpg", "jpeg" -> ImageFormat.JPEG;
            case "png" -> ImageFormat.PNG;
            default -> throw new UserException("--format: expected jpg or png, got '" + value + "'");
        };
    }
}
