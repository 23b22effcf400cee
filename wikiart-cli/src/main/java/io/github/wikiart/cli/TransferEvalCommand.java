package io.github.wikiart.cli;

import io.github.wikiart.data.Sample;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.TrainedClassifier;
import io.github.wikiart.train.transfer.TransferEvaluator;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer eval}: hit rate by an independent judge, style spread, content retention. */
public final class TransferEvalCommand implements Command {
    /** The saved result inside the transfer run. */
    public static final String FILE = "transfer-eval.json";

    @Override
    public String name() {
        return "transfer eval";
    }

    @Override
    public String summary() {
        return "transfer every content image to every style and measure it with an independent judge classifier "
                + "(prints one JSON object, also saved in the run folder)";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("judge").hasArg().argName("CLASSIFIER_RUN")
                        .desc("a classifier run never used to train the transfer (required; repeat it for more "
                                + "judges: each is reported, the first also at the top level)").build())
                .addOption(Option.builder().longOpt("content").hasArg().argName("DIR")
                        .desc("folder of content images, flat or with style folders (required)").build())
                .addOption(Option.builder().longOpt("renderings").hasArg().argName("DIR")
                        .desc("true renderings of the content images as DIR/<Style>/<content file name> (optional): "
                                + "adds PSNR to them, the do-nothing baseline, and each judge's accuracy on them")
                        .build());
    }

    @Override
    public String example() {
        return "wikiart transfer eval --run runs/t --judge runs/stylenet --judge runs/stats --content realstyles/content/test"
                + " --renderings realstyles/test";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        String[] judges = line.getOptionValues("judge");
        if (judges == null) {
            throw new UserException("missing --judge CLASSIFIER_RUN");
        }
        List<Path> judgeDirs = new ArrayList<>();
        for (String j : judges) {
            judgeDirs.add(Flags.existingDir(j, "judge"));
        }
        Path contentDir = Flags.existingDir(line, "content");
        Path renderings = line.hasOption("renderings") ? Flags.existingDir(line, "renderings") : null;
        Map<String, Object> result = evaluate(runDir, judgeDirs, contentDir, renderings);
        console.out().println(Json.toText(result));
        return ExitCodes.OK;
    }

    static Map<String, Object> evaluate(Path runDir, List<Path> judgeDirs, Path contentDir, Path renderings)
            throws Exception {
        TransferModel model = TransferModels.load(runDir);
        Map<String, TrainedClassifier> judges = new LinkedHashMap<>();
        for (Path dir : judgeDirs) {
            judges.put(dir.toString(), TrainedClassifier.load(dir, Checkpoints.Which.LAST));
        }
        List<Sample> content = TransferImages.content(contentDir);
        Map<String, Object> result;
        try {
            result = TransferEvaluator.evaluate(model, judges, content, TransferImages.labelsOf(content), renderings);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        result.put("judge", judgeDirs.get(0).toString());
        result.put("content", contentDir.toString());
        Json.write(runDir.resolve(FILE), result);
        return result;
    }
}
