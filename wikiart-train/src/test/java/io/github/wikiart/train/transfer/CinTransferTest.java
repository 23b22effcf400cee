package io.github.wikiart.train.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.DataOptions;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.data.ModelInput;
import io.github.wikiart.data.PixelScaling;
import io.github.wikiart.data.ResizeMode;
import io.github.wikiart.data.TensorLayout;
import io.github.wikiart.data.WikiArtDataset;
import io.github.wikiart.data.synth.SyntheticStyles;
import io.github.wikiart.train.classifier.ClassifierOptions;
import io.github.wikiart.train.classifier.ClassifierRun;
import io.github.wikiart.train.Checkpoints;
import io.github.wikiart.train.RunFolder;
import io.github.wikiart.train.classifier.TrainedClassifier;
import io.github.wikiart.train.model.ModelDescription;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CinTransferTest {
    @TempDir
    static Path dir;
    static WikiArtDataset data;
    static DataOptions options;
    static CinTransfer model;

    static final List<String> phases = new java.util.ArrayList<>();
    static final List<Double> transferLosses = new java.util.ArrayList<>();

    @BeforeAll
    static void trainTiny() throws Exception {
        Path root = dir.resolve("data");
        SyntheticStyles.builder().styles(2).trainPerStyle(8).testPerStyle(3).size(16).seed(3).build().write(root);
        options = DataOptions.defaults(root).withImageSize(16).withSeed(2);
        data = WikiArtDataset.load(options, true, true);
        model = CinTransferTrainer.train(data.train().samples(), data.train().samples(), data.labelIndex(), options,
                CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1).epochs(2).batchSize(4).seed(5)
                        .residual(true).features(CinTransferOptions.Features.TRAINED).featureEpochs(1).build(), null,
                new io.github.wikiart.train.loop.LoopListener<Object, Object>() {
                    @Override
                    public void onPhase(String phase, int epochs) {
                        phases.add(phase + "/" + epochs);
                    }

                    @Override
                    public void onBatch(int epoch, int batch, int batches, long images, double loss, double ips) {
                        if (phases.size() == 2) {
                            transferLosses.add(loss);
                        }
                    }
                });
    }

    @Test
    void trainingReportsBothPhasesAndAFiniteLoss() {
        assertEquals(List.of("the loss features/1", "the transfer network/2"), phases);
        // 16 training images, batch 4, 2 epochs: 8 batches, each reporting the loss of its own update.
        assertEquals(8, transferLosses.size());
        assertTrue(transferLosses.stream().allMatch(l -> Double.isFinite(l) && l > 0), transferLosses.toString());
    }

    @Test
    void theLearningRateScheduleReachesSameDiffPerIteration() {
        // Warm-up of one epoch: epoch 1 at half the rate, epoch 2 at the full rate; 1 batch per epoch.
        CinTransferOptions o = CinTransferOptions.builder().width(4).styleWeight(1).contentWeight(1).epochs(2)
                .batchSize(4).learningRate(0.1).seed(5).featureEpochs(1)
                .schedule(new io.github.wikiart.train.LearningRateSchedule(
                        io.github.wikiart.train.LearningRateSchedule.Shape.CONSTANT, 1)).build();
        double[] warm = twoAdamSteps(CinTransferTrainer.learningRates(o, 1));
        double[] half = twoAdamSteps(new org.nd4j.linalg.schedule.MapSchedule(
                org.nd4j.linalg.schedule.ScheduleType.ITERATION, Map.of(0, 0.05)));
        // Adam's first step moves each weight by the rate (its sign of the gradient).
        assertEquals(0.05, warm[0], 1e-6);
        assertEquals(0.05, half[0], 1e-6);
        // The second fit uses iteration 1's rate, 0.1, twice that of the constant schedule.
        assertEquals(2 * half[1], warm[1], 1e-6);
    }

    /** |change| of one weight in the first and second of two fits of w against a target, with Adam. */
    private static double[] twoAdamSteps(org.nd4j.linalg.schedule.ISchedule rates) {
        org.nd4j.autodiff.samediff.SameDiff sd = org.nd4j.autodiff.samediff.SameDiff.create();
        org.nd4j.autodiff.samediff.SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 1);
        org.nd4j.autodiff.samediff.SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        org.nd4j.autodiff.samediff.SDVariable w = sd.var("w", Nd4j.ones(DataType.FLOAT, 1, 1));
        org.nd4j.autodiff.samediff.SDVariable d = x.mul(w).sub(y);
        d.mul(d).mean().rename("loss");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(new org.nd4j.autodiff.samediff.TrainingConfig.Builder()
                .updater(new org.nd4j.linalg.learning.config.Adam(rates)).dataSetFeatureMapping("x")
                .dataSetLabelMapping("y").build());
        org.nd4j.linalg.dataset.DataSet ds = new org.nd4j.linalg.dataset.DataSet(Nd4j.ones(DataType.FLOAT, 1, 1),
                Nd4j.zeros(DataType.FLOAT, 1, 1));
        double w0 = sd.getVariable("w").getArr().getDouble(0);
        sd.fit(ds);
        double w1 = sd.getVariable("w").getArr().getDouble(0);
        sd.fit(ds);
        double w2 = sd.getVariable("w").getArr().getDouble(0);
        return new double[] {Math.abs(w1 - w0), Math.abs(w2 - w1)};
    }

    @Test
    void outputsHaveTheInputShapeAndDependOnTheStyle() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 16, 16, 3);
        INDArray a = model.transfer(x, new int[] {0, 0, 0});
        INDArray b = model.transfer(x, new int[] {1, 1, 1});
        assertArrayEquals(x.shape(), a.shape());
        assertTrue(a.minNumber().doubleValue() >= 0 && a.maxNumber().doubleValue() <= 1);
        assertTrue(a.sub(b).norm1Number().doubleValue() > 0, "the target style changes the output");
    }

    @Test
    void saveAndLoadReproduceOutputsExactly() throws Exception {
        Path run = dir.resolve("run");
        java.nio.file.Files.createDirectories(run);
        TransferModels.save(model, run);
        TransferModel loaded = TransferModels.load(run);
        assertEquals("cin", loaded.method());
        assertEquals(model.labels(), loaded.labels());
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16, 16, 3);
        assertEquals(model.transfer(x, new int[] {0, 1}), loaded.transfer(x, new int[] {0, 1}));
    }

    @Test
    void aNetworkWithPositionChannelsGreyContentAndBalancedStylesTrainsSavesAndLoads() throws Exception {
        CinTransfer positioned = CinTransferTrainer.train(data.train().samples(), data.train().samples(),
                data.labelIndex(), options, CinTransferOptions.builder().width(4).styleWeight(10).contentWeight(1)
                        .epochs(1).batchSize(4).learningRate(1e-2).seed(5).upsample(true).residual(true)
                        .features(CinTransferOptions.Features.TRAINED).featureEpochs(1)
                        .styleTargets(CinTransferOptions.StyleTargets.QUANTILE).colourMap(true).histogramWeight(100)
                        .textureWeight(100).positionChannels(true).greyContent(true).balanceStyles(true).build(),
                null, null);
        Path run = java.nio.file.Files.createDirectories(dir.resolve("run-positions"));
        TransferModels.save(positioned, run);
        TransferModel loaded = TransferModels.load(run);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16, 16, 3);
        INDArray out = positioned.transfer(x, new int[] {0, 1});
        assertEquals(out, loaded.transfer(x, new int[] {0, 1}));
        // Rebuilt at its own size (here the training size) the network draws the same grid patterns.
        java.awt.image.BufferedImage image = io.github.wikiart.data.RgbPixels.toImage(
                x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).dup('c').reshape(16 * 16 * 3).toFloatVector(),
                16, 16, io.github.wikiart.data.TensorLayout.NHWC);
        INDArray own = imageArray(loaded.transferAtOwnSize(image, 0));
        INDArray first = loaded.transfer(imageArray(image), new int[] {0});
        assertEquals(0.0, own.sub(first).amaxNumber().doubleValue(), 1.0 / 255 + 1e-6, "8-bit rounding at most");
    }

    private static INDArray imageArray(java.awt.image.BufferedImage image) {
        float[] values = new float[image.getWidth() * image.getHeight() * 3];
        io.github.wikiart.data.RgbPixels.of(image).toFloats(image.getWidth() * image.getHeight(),
                io.github.wikiart.data.TensorLayout.NHWC, values);
        return Nd4j.create(values, new long[] {1, image.getHeight(), image.getWidth(), 3}, DataType.FLOAT);
    }

    @Test
    void theModelFileCopiedAloneLoadsAndTransfersAsFromItsRunFolder() throws Exception {
        Path run = java.nio.file.Files.createDirectories(dir.resolve("run-for-copy"));
        TransferModels.save(model, run);
        for (String f : List.of(TransferModels.MODEL_FILE, TransferModels.INFO, "labels.txt")) {
            assertTrue(java.nio.file.Files.isRegularFile(run.resolve(f)), f);
        }
        Path alone = java.nio.file.Files.createDirectories(dir.resolve("alone")).resolve("cin.zip");
        java.nio.file.Files.copy(run.resolve(TransferModels.MODEL_FILE), alone);
        TransferModel fromRun = TransferModels.load(run);
        TransferModel fromFile = TransferModels.load(alone);
        assertEquals(fromRun.description(), fromFile.description());
        assertEquals(new ModelInput(16, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT), fromFile.input());
        assertEquals(ModelDescription.Kind.TRANSFER, fromFile.description().kind());
        assertEquals("cin", fromFile.method());
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 16, 16, 3);
        assertEquals(model.transfer(x, new int[] {1, 0}), fromFile.transfer(x, new int[] {1, 0}));
        assertEquals(fromRun.transfer(x, new int[] {1, 0}), fromFile.transfer(x, new int[] {1, 0}));
    }

    @Test
    void aModelTrainedWithCropCropsWhenAppliedToAnImage() throws Exception {
        ModelInput crop = new ModelInput(16, ResizeMode.CROP, TensorLayout.NHWC, PixelScaling.UNIT);
        ModelInput stretch = new ModelInput(16, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT);
        CinTransfer built = new CinTransfer(io.github.wikiart.models.transfer.CinTransferNet.build(16, 2, 4, 7,
                DataType.FLOAT, false, false), data.labelIndex(), crop);
        Path file = java.nio.file.Files.createDirectories(dir.resolve("crop")).resolve("model.zip");
        built.saveModel(file);
        TransferModel loaded = TransferModels.load(file);
        assertEquals(crop, loaded.input());
        // 32 x 16: red side bands that a crop cuts away and a stretch keeps.
        java.awt.image.BufferedImage wide = new java.awt.image.BufferedImage(32, 16,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(9);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                wide.setRGB(x, y, x < 8 || x >= 24 ? 0xFF0000 : random.nextInt(1 << 24));
            }
        }
        INDArray cropped = crop.toTensor(wide);
        INDArray stretched = stretch.toTensor(wide);
        assertTrue(cropped.sub(stretched).norm1Number().doubleValue() > 100, "the two preparations differ");
        java.awt.image.BufferedImage out = loaded.transfer(wide, 1);
        int[] expected = pixels(crop.toImage(built.transfer(cropped, new int[] {1}), 0));
        int[] ifStretched = pixels(crop.toImage(built.transfer(stretched, new int[] {1}), 0));
        assertArrayEquals(expected, pixels(out));
        assertTrue(!java.util.Arrays.equals(ifStretched, pixels(out)), "not the stretched image's transfer");
    }

    @Test
    void aRunFolderSavedBeforeModelsDescribedThemselvesStillLoadsWithItsResizeMode() throws Exception {
        Path old = java.nio.file.Files.createDirectories(dir.resolve("old-cin"));
        org.nd4j.autodiff.samediff.SameDiff sd = io.github.wikiart.models.transfer.CinTransferNet.build(16, 2, 4, 7,
                DataType.FLOAT, false, false);
        sd.save(old.resolve(CinTransfer.GRAPH_FILE).toFile(), false);
        java.nio.file.Files.writeString(old.resolve(TransferModels.INFO), "{\"method\": \"cin\", \"image_size\": 16}");
        java.nio.file.Files.writeString(old.resolve("data.json"), "{\"resize\": \"pad\"}");
        data.labelIndex().write(old.resolve("labels.txt"));
        TransferModel legacy = TransferModels.load(old);
        assertEquals(new ModelInput(16, ResizeMode.PAD, TensorLayout.NHWC, PixelScaling.UNIT), legacy.input());
        assertEquals(data.labelIndex(), legacy.labels());
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 16, 16, 3);
        assertEquals(new CinTransfer(sd, data.labelIndex(), legacy.input()).transfer(x, new int[] {1}),
                legacy.transfer(x, new int[] {1}));
    }

    private static int[] pixels(java.awt.image.BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static TrainedClassifier judge;

    private static synchronized TrainedClassifier judge() throws Exception {
        if (judge == null) {
            RunFolder judgeRun = RunFolder.at(dir.resolve("judge"));
            ClassifierRun.train(options, ClassifierOptions.defaults().withEpochs(1).withBatchSize(8), judgeRun,
                    List.of());
            judge = TrainedClassifier.load(judgeRun.dir(), Checkpoints.Which.LAST);
        }
        return judge;
    }

    @Test
    void evaluatorComparesWithTrueRenderings() throws Exception {
        // Three content images; style 0's "true rendering" is the image itself, style 1's its negative.
        Path content = dir.resolve("content");
        Path renderings = dir.resolve("renderings");
        String a = data.labelIndex().name(0);
        String b = data.labelIndex().name(1);
        java.nio.file.Files.createDirectories(content);
        java.nio.file.Files.createDirectories(renderings.resolve(a));
        java.nio.file.Files.createDirectories(renderings.resolve(b));
        double expectedPsnrB = 0;
        for (int i = 0; i < 3; i++) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(data.test().samples().get(i).path().toFile());
            java.awt.image.BufferedImage neg = new java.awt.image.BufferedImage(16, 16,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            double se = 0;
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    neg.setRGB(x, y, ~rgb & 0xFFFFFF);
                    for (int shift = 0; shift <= 16; shift += 8) {
                        int v = (rgb >> shift) & 0xFF;
                        double d = (v - (255 - v)) / 255.0;
                        se += d * d;
                    }
                }
            }
            expectedPsnrB += 10 * Math.log10(1.0 / (se / (16 * 16 * 3))) / 3;
            javax.imageio.ImageIO.write(img, "png", content.resolve("c" + i + ".png").toFile());
            javax.imageio.ImageIO.write(img, "png", renderings.resolve(a).resolve("c" + i + ".png").toFile());
            javax.imageio.ImageIO.write(neg, "png", renderings.resolve(b).resolve("c" + i + ".png").toFile());
        }
        List<io.github.wikiart.data.Sample> samples = io.github.wikiart.data.ContentImages.list(content);
        Map<String, Object> r = TransferEvaluator.evaluate(identity(), Map.of("j", judge()), samples,
                LabelIndex.of(List.of("content")), renderings);
        Map<?, ?> truth = (Map<?, ?>) r.get("renderings");
        assertEquals(6, truth.get("pairs"));
        Map<?, ?> perStyle = (Map<?, ?>) truth.get("per_style");
        Map<?, ?> sa = (Map<?, ?>) perStyle.get(a);
        Map<?, ?> sb = (Map<?, ?>) perStyle.get(b);
        assertEquals(TransferEvaluator.MAX_PSNR, (Double) sa.get("psnr_transfer"), 1e-9);
        assertEquals(expectedPsnrB, (Double) sb.get("psnr_transfer"), 1e-4);
        // The identity is the do-nothing baseline.
        assertEquals((Double) sb.get("psnr_content"), (Double) sb.get("psnr_transfer"), 1e-12);
        assertEquals((TransferEvaluator.MAX_PSNR + expectedPsnrB) / 2, (Double) truth.get("psnr_transfer"), 1e-4);
        // The renderings' own retention: the picture itself keeps its layout (1), its negative
        // reverses every block's luminance (-1).
        assertEquals(1.0, (Double) sa.get("content_retention"), 1e-6);
        assertEquals(-1.0, (Double) sb.get("content_retention"), 1e-6);
        assertEquals(0.0, (Double) truth.get("content_retention"), 1e-6);
        Map<?, ?> j = (Map<?, ?>) ((List<?>) r.get("judges")).get(0);
        double acc = (Double) j.get("accuracy_on_renderings");
        assertTrue(acc >= 0 && acc <= 1);
        assertEquals((Double) j.get("hit_rate") / acc, (Double) j.get("relative_hit_rate"), 1e-12);
        IllegalArgumentException none = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TransferEvaluator.evaluate(identity(), Map.of("j", judge()), samples,
                        LabelIndex.of(List.of("content")), dir.resolve("data")));
        assertTrue(none.getMessage().contains("no true renderings found in"), none.getMessage());
    }

    private static TransferModel identity() {
        return new TransferModel() {
            public ModelDescription description() {
                return ModelDescription.of(ModelDescription.Kind.TRANSFER, "identity",
                        new ModelInput(16, ResizeMode.STRETCH, TensorLayout.NHWC, PixelScaling.UNIT), data.labelIndex());
            }

            public INDArray transfer(INDArray images, int[] targetStyles) {
                return images;
            }

            public void saveModel(Path file) {
            }
        };
    }

    @Test
    void evaluatorGivesZeroSpreadAndFullRetentionForTheIdentity() throws Exception {
        Map<String, Object> r = TransferEvaluator.evaluate(identity(), judge(), data.test().samples(), data.labelIndex());
        assertEquals(0.0, (Double) r.get("style_spread"), 1e-12);
        assertEquals(1.0, (Double) r.get("content_retention"), 1e-9);
        assertEquals(6, r.get("content_images"));
        assertEquals(12, r.get("outputs"));
        // The identity keeps each image's own style, so it hits exactly when the target is that style
        // and the judge is right: at most one target in two.
        assertTrue((Double) r.get("hit_rate") <= 0.5);
        Map<?, ?> perStyle = (Map<?, ?>) r.get("per_style_hit_rate");
        assertEquals(2, perStyle.size());
        // What the judge took each style's outputs for: the same images whatever the target, so the
        // same counts for both targets, 6 per target, and a target's own count is its hits.
        Map<?, ?> judgedAs = (Map<?, ?>) ((List<?>) r.get("judges")).stream().map(j -> (Map<?, ?>) j)
                .findFirst().orElseThrow().get("per_style_judged_as");
        List<String> names = data.labelIndex().names();
        assertEquals(judgedAs.get(names.get(0)), judgedAs.get(names.get(1)));
        for (String style : names) {
            Map<?, ?> row = (Map<?, ?>) judgedAs.get(style);
            assertEquals(6, row.values().stream().mapToInt(v -> (Integer) v).sum(), row.toString());
            int own = row.containsKey(style) ? (Integer) row.get(style) : 0;
            assertEquals((Double) perStyle.get(style), own / 6.0, 1e-12, style + ": " + row);
        }
    }

    @Test
    void correlationOfHandValues() {
        assertEquals(1.0, io.github.wikiart.data.LayoutSimilarity.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6}), 1e-12);
        assertEquals(-1.0, io.github.wikiart.data.LayoutSimilarity.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
        assertEquals(0.0, io.github.wikiart.data.LayoutSimilarity.correlation(new double[] {1, 1, 1}, new double[] {3, 2, 1}), 1e-12);
    }
}
