package io.github.wikiart.examples;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.reports.transfer.TransferEvaluation;
import io.github.wikiart.reports.transfer.TransferGrid;
import io.github.wikiart.reports.transfer.TransferTraining;
import io.github.wikiart.train.autoencoder.AutoencoderOptions;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.transfer.CinTransferOptions;
import io.github.wikiart.train.transfer.TransferOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains a style-transfer model (conditional instance normalisation) through the library API,
 * trains an independent judge classifier, and evaluates the transfer with it: hit rate, style
 * spread, content retention; then writes a comparison grid.
 *
 * <pre>
 * java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" \
 *     io.github.wikiart.examples.TransferExample [DATA_DIR] [OUT_DIR]
 * </pre>
 */
public final class TransferExample {
    private TransferExample() {
    }

    /**
     * What the example produced.
     *
     * @param transfer the trained transfer run
     * @param judge the judge classifier run
     * @param evaluation the transfer judged
     * @param grid test images beside their transfer to another style
     */
    public record Result(TransferTraining.Result transfer, ClassifierTraining.Result judge,
                         TransferEvaluation evaluation, TransferGrid grid) {
    }

    /**
     * Runs the example.
     *
     * @param dataDir a WikiArt-layout folder; generated (3 styles) when it does not exist
     * @param outDir where the run folders go
     * @param imageSize image side
     * @param epochs transfer and judge epochs
     * @return the runs and the evaluation
     * @throws Exception on failure
     */
    public static Result run(Path dataDir, Path outDir, int imageSize, int epochs) throws Exception {
        if (!Files.isDirectory(dataDir)) {
            SyntheticStyles.builder().styles(3).trainPerStyle(16).testPerStyle(4).size(imageSize).seed(9).build()
                    .write(dataDir);
        }
        DataOptions data = DataOptions.defaults(dataDir).withImageSize(imageSize).withSeed(9);
        TransferOptions options = TransferOptions.builder().method("cin").epochs(epochs).batchSize(4).width(8)
                .residual(true).features(CinTransferOptions.Features.RANDOM).featureEpochs(1).build();
        TransferTraining.Result transfer = TransferTraining.train(data, options, AutoencoderOptions.defaults(),
                RunLocation.under(outDir), JobListener.NONE);
        // The judge must never have seen the transfer: its own seed, so its own shuffles and weights.
        ClassifierTraining.Result judge = ClassifierTraining.train(data.withSeed(10),
                ClassifierOptions.defaults().withEpochs(epochs).withBatchSize(8), RunLocation.under(outDir),
                JobListener.NONE);
        Path run = transfer.run().dir();
        TransferEvaluation evaluation = TransferEvaluation.evaluate(run, List.of(judge.run().dir()),
                data.testPath(), null);
        TransferGrid grid = TransferGrid.write(run, null, null, false, 6, 1);
        return new Result(transfer, judge, evaluation, grid);
    }

    /**
     * @param args optional dataset folder and output folder
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wikiart-example").resolve("data");
        Path out = args.length > 1 ? Path.of(args[1]) : data.resolveSibling("runs");
        Result r = run(data, out, 32, 4);
        System.out.printf("hit rate %.3f (chance %.3f), style spread %.1f, content retention %.3f; grid: %s%n",
                r.evaluation().hitRate(), r.evaluation().chance(), r.evaluation().styleSpread(),
                r.evaluation().contentRetention(), r.grid().png());
    }
}
