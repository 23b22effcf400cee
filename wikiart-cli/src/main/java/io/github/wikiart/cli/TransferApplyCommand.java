package io.github.wikiart.cli;

import io.github.wikiart.reports.transfer.TransferApply;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer apply}: moves images to a chosen style. */
public final class TransferApplyCommand extends BaseCommand {
    /** Its name, summary and examples. */
    public TransferApplyCommand() {
        super("transfer apply",
                "move images to a style with a trained transfer run; writes <name>-<style>.png files",
                "IMAGE...",
                "wikiart transfer apply --run runs/20261129-120000-transfer-cin --style Ukiyo_Waves --out /tmp/out a.jpg");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("style").hasArg().argName("NAME").desc("target style (required)")
                        .build())
                .addOption(Flags.out("folder for the results (default: the current folder)"));
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        String style = Flags.required(line, "style");
        List<Path> images = ImageArguments.required(line, "wikiart transfer apply --run DIR --style NAME IMAGE...");
        TransferApply result = TransferApply.apply(runDir, style, images, Path.of(line.getOptionValue("out", ".")));
        for (TransferApply.AppliedImage image : result.images()) {
            if (image.error() != null) {
                console.err().println("wikiart " + name() + ": " + image.error());
            } else {
                console.out().println(image.input() + " -> " + image.output());
            }
        }
        return result.failures() == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
