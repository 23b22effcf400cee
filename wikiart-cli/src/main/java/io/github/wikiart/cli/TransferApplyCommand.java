package io.github.wikiart.cli;

import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.train.transfer.TransferModel;
import io.github.wikiart.train.transfer.TransferModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code wikiart transfer apply}: moves images to a chosen style. */
public final class TransferApplyCommand implements Command {
    @Override
    public String name() {
        return "transfer apply";
    }

    @Override
    public String summary() {
        return "move images to a style with a trained transfer run; writes <name>-<style>.png files";
    }

    @Override
    public Options options() {
        return new Options().addOption(Flags.run())
                .addOption(Option.builder().longOpt("style").hasArg().argName("NAME").desc("target style (required)")
                        .build())
                .addOption(Flags.out("folder for the results (default: the current folder)"));
    }

    @Override
    public String arguments() {
        return "IMAGE...";
    }

    @Override
    public String example() {
        return "wikiart transfer apply --run runs/20261129-120000-transfer-cin --style Ukiyo_Waves --out /tmp/out a.jpg";
    }

    @Override
    public int run(CommandLine line, Console console) throws Exception {
        Path runDir = Flags.existingDir(line, "run");
        String style = Flags.required(line, "style");
        List<String> images = ImageArguments.required(line, "wikiart transfer apply --run DIR --style NAME IMAGE...");
        TransferModel model = TransferModels.load(runDir);
        if (!model.labels().contains(style)) {
            throw new UserException("unknown style '" + style + "'; valid styles: " + String.join(", ",
                    model.labels().names()));
        }
        int target = model.labels().indexOf(style);
        Path out = Path.of(line.getOptionValue("out", "."));
        Files.createDirectories(out);
        return ImageArguments.forEach(images, console, name(), (name, image) -> {
            BufferedImage result = model.transfer(image, target);
            String base = Path.of(name).getFileName().toString().replaceAll("\\.[^.]*$", "");
            Path file = out.resolve(base + "-" + style + ".png");
            AtomicFiles.write(file, o -> ImageIO.write(result, "png", o));
            console.out().println(name + " -> " + file);
        });
    }
}
