package io.github.wikiart.cli;

import io.github.wikiart.reports.transfer.ApplyOptions;
import io.github.wikiart.reports.transfer.ApplySize;
import io.github.wikiart.reports.transfer.TransferApply;
import io.github.wikiart.reports.ImageSources;
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
                "IMAGE|FOLDER|GLOB...",
                "wikiart transfer apply --run runs/20261129-120000-transfer-cin --style Ukiyo_Waves --out /tmp/out a.jpg\n"
                        + "wikiart transfer apply --run runs/my-transfer --style Ukiyo_Waves --size native --keep-colors "
                        + "--json --out /tmp/out photos/");
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("style").hasArg().argName("NAME").desc("target style (required)")
                        .build())
                .addOption(Flags.out("folder for the results (default: the current folder)"))
                .addOption(Option.builder().longOpt("size").hasArg().argName("native|N|training")
                        .desc("size the network runs at: native (the photo's own size and aspect ratio), N (the "
                                + "photo scaled so its longer side is N pixels, aspect kept) or training (the "
                                + "training size, a square, as before; the default). native and N need a cin run")
                        .build())
                .addOption(Option.builder().longOpt("max-megapixels").hasArg().argName("MP")
                        .desc("refuse photos above MP megapixels at the size the network runs at; memory grows "
                                + "with the pixels (default " + ApplyOptions.DEFAULT_MAX_MEGAPIXELS + ")").build())
                .addOption(Option.builder().longOpt("json")
                        .desc("print one JSON object per image and line: {\"path\", \"output\"} or {\"path\", "
                                + "\"error\"}").build())
                .addOption(Option.builder().longOpt("csv").desc("print a table: path,output,error").build())
                .addOption(Option.builder().longOpt("keep-colors")
                        .desc("keep the photo's colours: the result's luminance (Y of YCbCr) with the photo's "
                                + "Cb and Cr").build());
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        String style = Flags.required(line, "style");
        List<ImageSources.Source> sources = ImageSources.expand(ImageArguments.arguments(line,
                "wikiart transfer apply --run DIR --style NAME IMAGE|FOLDER|GLOB..."));
        ApplyOptions options = new ApplyOptions(size(line), maxMegapixels(line), line.hasOption("keep-colors"));
        boolean json = line.hasOption("json");
        boolean csv = line.hasOption("csv");
        if (json && csv) {
            throw new UserException("--json and --csv exclude each other");
        }
        if (csv) {
            console.out().println("path,output,error");
        }
        CountProgress progress = new CountProgress(console.progress(), "written", sources.size());
        long failures = TransferApply.stream(runDir, style, sources, Path.of(line.getOptionValue("out", ".")), options,
                image -> {
                    if (json) {
                        console.out().println(json(image));
                    } else if (csv) {
                        console.out().println(Csv.field(image.input().toString()) + ","
                                + (image.output() == null ? "" : Csv.field(image.output().toString())) + ","
                                + (image.error() == null ? "" : Csv.field(image.error())));
                    } else if (image.error() != null) {
                        console.err().println("wikiart " + name() + ": " + image.input() + ": " + image.error());
                    } else {
                        console.out().println(image.input() + " -> " + image.output());
                    }
                    progress.tick();
                });
        progress.finish(failures);
        return failures == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private static String json(TransferApply.AppliedImage image) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("path", image.input().toString());
        if (image.error() != null) {
            m.put("error", image.error());
        } else {
            m.put("output", image.output().toString());
        }
        return JsonLines.of(m);
    }

    private static ApplySize size(CommandLine line) {
        try {
            return ApplySize.parse(line.getOptionValue("size", "training"));
        } catch (IllegalArgumentException e) {
            throw new UserException("--size: " + e.getMessage());
        }
    }

    private static double maxMegapixels(CommandLine line) {
        String raw = line.getOptionValue("max-megapixels");
        if (raw == null) {
            return ApplyOptions.DEFAULT_MAX_MEGAPIXELS;
        }
        try {
            double v = Double.parseDouble(raw.trim());
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException("--max-megapixels: expected a positive number, got '" + raw + "'");
    }
}
