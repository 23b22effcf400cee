package io.github.wikiart.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wikiart.data.TensorLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

class ConvAutoencoderTest {

    @AfterEach
    void restoreTypes() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    @Test
    void originalConfigurationAt104HasA4SBy13By13TensorBeforeTheLatent() {
        ConvAutoencoder model = ConvAutoencoder.builder().side(104).width(104).layout(TensorLayout.NCHW).build();
        assertEquals(104 * 104 / 64, model.latentDim());
        MultiLayerNetwork net = model.init();
        List<INDArray> acts = net.feedForward(Nd4j.rand(DataType.FLOAT, 1, 3, 104, 104), false);
        assertArrayEquals(new long[] {1, 104, 52, 52}, acts.get(1).shape());
        assertArrayEquals(new long[] {1, 208, 26, 26}, acts.get(2).shape());
        assertArrayEquals(new long[] {1, 416, 13, 13}, acts.get(3).shape(), "4S x 13 x 13 before the latent");
        assertArrayEquals(new long[] {1, 169}, acts.get(4).shape());
        assertArrayEquals(new long[] {1, 416 * 13 * 13}, acts.get(5).shape());
        // Each transposed convolution gives 2n + 1, cropped to 2n by the layer after it.
        assertArrayEquals(new long[] {1, 416, 27, 27}, acts.get(6).shape());
        assertArrayEquals(new long[] {1, 416, 26, 26}, acts.get(7).shape());
        assertArrayEquals(new long[] {1, 208, 52, 52}, acts.get(9).shape());
        assertArrayEquals(new long[] {1, 104, 104, 104}, acts.get(11).shape());
        assertArrayEquals(new long[] {1, 3, 104, 104}, acts.get(12).shape());
        assertArrayEquals(new long[] {1, 3 * 104 * 104}, acts.get(acts.size() - 1).shape());
    }

    @Test
    void bothDecodersAndLayoutsReconstructTheInputShape() {
        for (ConvAutoencoder.Upsampler u : ConvAutoencoder.Upsampler.values()) {
            for (TensorLayout layout : TensorLayout.values()) {
                if (u == ConvAutoencoder.Upsampler.UPSAMPLE && layout == TensorLayout.NHWC) {
                    ConvAutoencoder.Builder b = ConvAutoencoder.builder().upsampler(u).layout(layout);
                    assertTrue(assertThrows(IllegalStateException.class, b::build).getMessage().contains("NCHW"));
                    continue;
                }
                MultiLayerNetwork net = ConvAutoencoder.builder().side(16).width(4).latentDim(8).upsampler(u)
                        .layout(layout).build().init();
                long[] shape = layout == TensorLayout.NCHW ? new long[] {2, 3, 16, 16} : new long[] {2, 16, 16, 3};
                INDArray x = Nd4j.rand(DataType.FLOAT, shape);
                INDArray out = net.output(x);
                assertArrayEquals(new long[] {2, 3 * 16 * 16}, out.shape(), u + " " + layout);
                assertArrayEquals(shape, ConvAutoencoder.unflatten(out, 16, layout).shape());
                assertEquals(x, ConvAutoencoder.unflatten(ConvAutoencoder.flatten(x), 16, layout));
                assertArrayEquals(new long[] {2, 8},
                        net.feedForwardToLayer(ConvAutoencoder.LATENT_LAYER, Nd4j.rand(DataType.FLOAT, shape))
                                .get(ConvAutoencoder.LATENT_LAYER + 1).shape());
            }
        }
    }

    /**
     * In NCHW the decoder's transposed convolutions are written as unpadded transposed
     * convolutions cropped by one row and column (5-10 times faster in DL4J M2.1), in a layer that
     * reuses its forward pass in backprop. This rebuilds the straightforward version, DL4J's own
     * Same-mode transposed convolution, and checks the same outputs and the same gradients, both
     * equal to the gradients computed in double precision.
     * NHWC keeps the Same-mode layer: there the fast path's float weight gradients are wrong.
     */
    @Test
    void croppedTransposedConvolutionEqualsSameModeTransposedConvolution() {
        ConvAutoencoder model = ConvAutoencoder.builder().side(16).width(4).latentDivisor(4)
                .activation(ConvAutoencoder.Act.GELU).layout(TensorLayout.NCHW).updater(new NoOp()).build();
        MultiLayerConfiguration fast = model.conf();
        MultiLayerConfiguration plain = withSameModeTransposedConvolutions(fast);
        MultiLayerNetwork a = new MultiLayerNetwork(fast);
        a.init();
        MultiLayerNetwork b = new MultiLayerNetwork(plain);
        b.init();
        b.setParams(a.params());
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 16, 16);
        assertTrue(a.output(x).sub(b.output(x)).amaxNumber().doubleValue() < 1e-5, "outputs differ");
        INDArray y = ConvAutoencoder.flatten(x);
        INDArray ga = gradient(a, x, y);
        INDArray gb = gradient(b, x, y);
        MultiLayerConfiguration d = fast.clone();
        d.setDataType(DataType.DOUBLE);
        MultiLayerNetwork exact = new MultiLayerNetwork(d);
        exact.init();
        exact.setParams(a.params().castTo(DataType.DOUBLE));
        INDArray truth = gradient(exact, x.castTo(DataType.DOUBLE), y.castTo(DataType.DOUBLE)).castTo(DataType.FLOAT);
        double tolerance = 1e-5 * truth.amaxNumber().doubleValue();
        assertTrue(ga.sub(truth).amaxNumber().doubleValue() < tolerance, "cropped version's gradients");
        assertTrue(gb.sub(truth).amaxNumber().doubleValue() < tolerance, "Same-mode version's gradients");

        MultiLayerConfiguration nhwc = ConvAutoencoder.builder().side(16).width(4).layout(TensorLayout.NHWC).build().conf();
        for (org.deeplearning4j.nn.conf.NeuralNetConfiguration c : nhwc.getConfs()) {
            if (c.getLayer() instanceof Deconvolution2D deconv) {
                assertEquals(ConvolutionMode.Same, deconv.getConvolutionMode(), "NHWC keeps Same mode");
            }
        }
    }

    /**
     * The first gradient a new network computes equals the second. In NHWC, DL4J M2.1's own first
     * convolution returned garbage weight gradients (about 1e30) on the first call only, which
     * Adam turns into an infinite second moment that freezes the layer for the whole run; the
     * NHWC encoder therefore starts with {@code InputConvolution}.
     */
    @Test
    void firstGradientOfANewNetworkEqualsTheNextInBothLayouts() {
        for (TensorLayout layout : TensorLayout.values()) {
            MultiLayerNetwork net = ConvAutoencoder.builder().side(16).width(4).latentDim(8).layout(layout)
                    .updater(new NoOp()).seed(17).build().init();
            Nd4j.getRandom().setSeed(100);
            long[] shape = layout == TensorLayout.NCHW ? new long[] {2, 3, 16, 16} : new long[] {2, 16, 16, 3};
            INDArray x = Nd4j.rand(DataType.FLOAT, shape);
            INDArray first = gradient(net, x, ConvAutoencoder.flatten(x));
            INDArray second = gradient(net, x, ConvAutoencoder.flatten(x));
            assertEquals(0.0, first.sub(second).amaxNumber().doubleValue(), 0.0, layout.name());
            assertTrue(first.amaxNumber().doubleValue() < 10, layout + ": gradient " + first.amaxNumber());
        }
    }

    private static INDArray gradient(MultiLayerNetwork net, INDArray x, INDArray y) {
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.getFlattenedGradients().dup();
    }

    /** The same network with DL4J's Same-mode transposed convolutions instead of unpadded ones plus a crop. */
    private static MultiLayerConfiguration withSameModeTransposedConvolutions(MultiLayerConfiguration fast) {
        MultiLayerConfiguration plain = fast.clone();
        List<org.deeplearning4j.nn.conf.NeuralNetConfiguration> confs = new java.util.ArrayList<>();
        java.util.Map<Integer, org.deeplearning4j.nn.conf.InputPreProcessor> pre = new java.util.HashMap<>();
        for (int i = 0; i < plain.getConfs().size(); i++) {
            org.deeplearning4j.nn.conf.NeuralNetConfiguration c = plain.getConf(i);
            if (c.getLayer() instanceof org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D) {
                continue;
            }
            if (c.getLayer() instanceof Deconvolution2D deconv) {
                // DL4J's own layer (not the cached subclass), in Same mode.
                c.setLayer(new Deconvolution2D.Builder(deconv.getKernelSize()).stride(deconv.getStride())
                        .nIn(deconv.getNIn()).nOut(deconv.getNOut()).activation(deconv.getActivationFn())
                        .weightInit(deconv.getWeightInitFn()).dataFormat(deconv.getCnn2dDataFormat())
                        .convolutionMode(ConvolutionMode.Same).build());
            }
            if (plain.getInputPreProcess(i) != null) {
                pre.put(confs.size(), plain.getInputPreProcess(i));
            }
            confs.add(c);
        }
        plain.setConfs(confs);
        plain.setInputPreProcessors(pre);
        return plain;
    }

    @Test
    void gradientCheckOfATinyAutoencoder() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        for (ConvAutoencoder.Upsampler u : ConvAutoencoder.Upsampler.values()) {
            for (TensorLayout layout : TensorLayout.values()) {
                if (u == ConvAutoencoder.Upsampler.UPSAMPLE && layout == TensorLayout.NHWC) {
                    continue; // refused by the builder (bothDecodersAndLayoutsReconstructTheInputShape)
                }
                for (ConvAutoencoder.LatentShape shape : ConvAutoencoder.LatentShape.values()) {
                    assertTrue(gradientCheck(u, layout, shape), "gradient check failed for " + u + " " + layout
                            + " " + shape);
                }
            }
        }
    }

    private static boolean gradientCheck(ConvAutoencoder.Upsampler u, TensorLayout layout,
                                         ConvAutoencoder.LatentShape shape) {
        MultiLayerNetwork net = new MultiLayerNetwork(ConvAutoencoder.builder().side(8).width(2).latentDim(3)
                .activation(ConvAutoencoder.Act.TANH).upsampler(u).latentShape(shape).layout(layout)
                .updater(new NoOp()).dataType(DataType.DOUBLE).seed(4).build().conf());
        net.init();
        Nd4j.getRandom().setSeed(3);
        long[] in = layout == TensorLayout.NCHW ? new long[] {2, 3, 8, 8} : new long[] {2, 8, 8, 3};
        INDArray x = Nd4j.rand(DataType.DOUBLE, in);
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                .labels(ConvAutoencoder.flatten(x)).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
    }

    @Test
    void saveAndLoadReproduceReconstructions(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = ConvAutoencoder.builder().side(16).width(4).latentDim(8).build().init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 16, 16);
        net.fit(x, ConvAutoencoder.flatten(x));
        File file = dir.resolve("ae.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork loaded = MultiLayerNetwork.load(file, true);
        assertEquals(net.output(x), loaded.output(x));
    }

    @Test
    void spatialLatentKeepsTheLatentSizeAsChannelsAtAnEighthOfTheSide() {
        for (TensorLayout layout : TensorLayout.values()) {
            ConvAutoencoder model = ConvAutoencoder.builder().side(64).width(4).latentDivisor(16)
                    .latentShape(ConvAutoencoder.LatentShape.SPATIAL).layout(layout).build();
            assertEquals(256, model.latentDim());
            assertEquals(48.0, model.compressionRatio(), 0.0);
            MultiLayerNetwork net = model.init();
            long[] in = layout == TensorLayout.NCHW ? new long[] {2, 3, 64, 64} : new long[] {2, 64, 64, 3};
            INDArray x = Nd4j.rand(DataType.FLOAT, in);
            INDArray z = net.feedForwardToLayer(ConvAutoencoder.LATENT_LAYER, x, false).get(ConvAutoencoder.LATENT_LAYER + 1);
            assertArrayEquals(layout == TensorLayout.NCHW ? new long[] {2, 4, 8, 8} : new long[] {2, 8, 8, 4}, z.shape());
            assertArrayEquals(new long[] {2, 3 * 64 * 64}, net.output(x).shape());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvAutoencoder.builder()
                .side(64).latentDim(100).latentShape(ConvAutoencoder.LatentShape.SPATIAL).build());
        assertTrue(e.getMessage().contains("multiple of (side/8)^2 = 64") && e.getMessage().contains("100"),
                e.getMessage());
        assertEquals(ConvAutoencoder.LatentShape.SPATIAL, ConvAutoencoder.LatentShape.parse(" Spatial"));
        assertThrows(IllegalArgumentException.class, () -> ConvAutoencoder.LatentShape.parse("cube"));
    }

    @Test
    void builderNamesBadValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvAutoencoder.builder().side(100));
        assertTrue(e.getMessage().contains("multiple of 8"), e.getMessage());
        assertEquals(ConvAutoencoder.Act.GELU, ConvAutoencoder.Act.parse("GeLU"));
        assertThrows(IllegalArgumentException.class, () -> ConvAutoencoder.Act.parse("swish"));
    }
}
