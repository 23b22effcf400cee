package io.github.wikiart.cli;

import io.github.wikiart.data.Sample;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.Json;
import io.github.wikiart.train.TrainedClassifier;
import io.github.wikiart.train.transfer.TransferEvaluator;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import java.nio.file.Path;
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
                        .desc("a classifier run never used to train the transfer (required)").build())
                .addOption(Option.builder().longOpt("content").hasArg().argName("DIR")
                        .desc("folder of content images, flat or with style folders (required)").build());
    }

    @Override
    public String example() {
        return "wikiart transfer eval --run runs/20261129-120000-transfer-cin --judge runs/judge --content data/test";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        Path judgeDir = Flags.existingDir(line, "judge");
        Path contentDir = Flags.existingDir(line, "content");
        Map<String, Object> result = evaluate(runDir, judgeDir, contentDir);
        console.out().println(Json.toText(result));
        return ExitCodes.OK;
    }

    static Map<String, Object> evaluate(Path runDir, Path judgeDir, Path contentDir) throws Exception {
        TransferModel model = TransferModels.load(runDir);
        TrainedClassifier judge = TrainedClassifier.load(judgeDir, Checkpoints.Which.LAST);
        List<Sample> content = TransferImages.content(contentDir);
        Map<String, Object> result;
        try {
            result = TransferEvaluator.evaluate(model, judge, content, TransferImages.labelsOf(content));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        result.put("judge", judgeDir.toString());
        result.put("content", contentDir.toString());
        Json.write(runDir.resolve(FILE), result);
        return result;
    }
}
