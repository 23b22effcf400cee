package io.github.wikiart.cli;

import io.github.wikiart.reports.classifier.ClassifierPrediction;
import io.github.wikiart.train.classifier.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart classify predict}: the most probable styles of images. */
public final class ClassifyPredictCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public ClassifyPredictCommand() {
        super("classify predict",
                "name the most probable styles of images with a trained classifier run",
                "IMAGE...",
                "wikiart classify predict --run runs/20261129-101500-classify-stylenet --top 3 a.jpg b.png");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run()).addOption(Flags.checkpoint())
                .addOption(Option.builder().longOpt("top").hasArg().argName("K")
                        .desc("how many styles per image (default 3)").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        int top = Flags.intInRange(line, "top", 1, 1000, 3);
        List<Path> images = ImageArguments.required(line, "wikiart classify predict --run DIR IMAGE...");
        ClassifierPrediction result = ClassifierPrediction.predict(runDir, Flags.checkpoint(line), images, top);
        for (ClassifierPrediction.ImagePrediction image : result.images()) {
            if (image.error() != null) {
                console.err().println("wikiart " + name() + ": " + image.error());
                continue;
            }
            StringBuilder sb = new StringBuilder(image.image().toString()).append(':');
            for (Prediction p : image.predictions()) {
                sb.append(String.format(Locale.ROOT, "  %s %.4f", p.style(), p.probability()));
            }
            console.out().println(sb);
        }
        return result.failures() == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
