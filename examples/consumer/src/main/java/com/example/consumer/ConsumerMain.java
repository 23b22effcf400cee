package com.example.consumer;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.reports.JobListener;
import io.github.wikiart.reports.RunLocation;
import io.github.wikiart.reports.classifier.ClassifierPrediction;
import io.github.wikiart.reports.classifier.ClassifierTraining;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.classifier.ClassifierOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A program that uses wikiart-dl4j as a dependency: generates a small dataset of three styles,
 * trains the default classifier (StyleNet) for one epoch and predicts the style of the test images.
 * Exits 1 when a step gives no result.
 */
public final class ConsumerMain {
    private ConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("wikiart-consumer");
        Path data = work.resolve("data");
        SyntheticStyles.builder().styles(3).trainPerStyle(24).testPerStyle(4).size(32).seed(7).build().write(data);

        DataOptions options = DataOptions.defaults(data).withImageSize(32).withSeed(7);
        ClassifierOptions classifier = ClassifierOptions.defaults().withEpochs(1).withBatchSize(12);
        ClassifierTraining.Result trained = ClassifierTraining.train(options, classifier,
                RunLocation.under(work.resolve("runs")), JobListener.NONE);
        System.out.printf("trained %s for 1 epoch in %s: test accuracy %.3f%n", trained.model(),
                trained.run().dir(), trained.testAccuracy());

        List<Path> images;
        try (Stream<Path> files = Files.walk(data.resolve("test"))) {
            images = files.filter(Files::isRegularFile).sorted().toList();
        }
        ClassifierPrediction prediction = ClassifierPrediction.predict(trained.run().dir(), Checkpoints.Which.LAST,
                images, 1);
        long predicted = prediction.images().stream().filter(p -> p.error() == null && !p.predictions().isEmpty())
                .count();
        for (ClassifierPrediction.ImagePrediction p : prediction.images().subList(0, Math.min(3, images.size()))) {
            System.out.printf("%s -> %s (%.2f)%n", data.relativize(p.image()), p.predictions().get(0).style(),
                    p.predictions().get(0).probability());
        }
        System.out.printf("predicted %d of %d test images%n", predicted, images.size());
        if (images.isEmpty() || predicted != images.size() || Double.isNaN(trained.testAccuracy())) {
            System.exit(1);
        }
    }
}
