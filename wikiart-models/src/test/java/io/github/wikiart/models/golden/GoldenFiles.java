package io.github.wikiart.models.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The files of golden-model tests: a module's {@code src/test/resources/golden} folder, arrays
 * stored in ND4J's binary format, and the comparison (within {@link #ABSOLUTE} plus {@link #RELATIVE}
 * of the stored value). With {@code -Dgolden.update=true} the tests rewrite the files instead of trusting them;
 * do that only after a deliberate change of a network's numbers, and say why in the commit.
 */
public final class GoldenFiles {
    /**
     * Allowed difference, absolute part. The same network gives slightly different float results on
     * different CPUs, because oneDNN and OpenBLAS choose their kernels, and so the order of their sums,
     * per CPU: on an AMD EPYC (family 25) against the Intel Xeon the files were made on, StyleNet's
     * gradient moved by 3e-6 (2.7e-5 relative) and a gradient element of about 1e-6 changed sign. A
     * changed kernel or formula moves values by far more than this.
     */
    public static final double ABSOLUTE = 1e-5;
    /** Allowed difference, relative part (of the stored value). */
    public static final double RELATIVE = 1e-4;
    private final Path dir;

    private GoldenFiles(Path dir) {
        this.dir = dir;
    }

    /** @return the golden folder of the module whose tests run (surefire runs in the module folder) */
    public static GoldenFiles ofThisModule() {
        return new GoldenFiles(Path.of("src", "test", "resources", "golden"));
    }

    /** @return whether this run rewrites the golden files ({@code -Dgolden.update=true}) */
    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /**
     * @param file a file name in the golden folder
     * @return its path; the folder is created when updating
     * @throws IOException if the folder cannot be created
     */
    public Path path(String file) throws IOException {
        if (updating()) {
            Files.createDirectories(dir);
        }
        return dir.resolve(file);
    }

    /**
     * Fails, naming the file and how to create it, unless the golden model exists.
     *
     * @param file the model's file name
     * @return its path
     * @throws IOException never in practice
     */
    public Path requireModel(String file) throws IOException {
        Path p = path(file);
        if (!Files.isRegularFile(p)) {
            fail("missing golden model " + p.toAbsolutePath() + "; generate it with -Dgolden.update=true");
        }
        return p;
    }

    /**
     * @param name the model's name
     * @param part what the array is (input, output, gradient, ...)
     * @param array the array to store
     * @throws IOException if writing fails
     */
    public void write(String name, String part, INDArray array) throws IOException {
        Nd4j.saveBinary(array, path(name + "-" + part + ".bin").toFile());
    }

    /**
     * @param name the model's name
     * @param part what the array is
     * @return the stored array
     * @throws IOException if reading fails
     */
    public INDArray read(String name, String part) throws IOException {
        return Nd4j.readBinary(path(name + "-" + part + ".bin").toFile());
    }

    /**
     * Stores {@code computed} when updating; then asserts it equals the stored array within
     * {@link #ABSOLUTE} plus {@link #RELATIVE} of the stored value, and that the stored array is not all zeros (which would check nothing).
     *
     * @param name the model's name
     * @param part what the array is
     * @param computed the array computed now
     * @throws IOException if the files cannot be read or written
     */
    public void check(String name, String part, INDArray computed) throws IOException {
        if (updating()) {
            write(name, part, computed);
        }
        INDArray expected = read(name, part);
        String what = name + " " + part;
        assertArrayEquals(expected.shape(), computed.shape(), what + " shape");
        float[] e = expected.castTo(DataType.FLOAT).reshape(-1).toFloatVector();
        float[] a = computed.castTo(DataType.FLOAT).reshape(-1).toFloatVector();
        double sum = 0;
        for (int i = 0; i < e.length; i++) {
            double allowed = ABSOLUTE + RELATIVE * Math.abs(e[i]);
            if (!(Math.abs(e[i] - a[i]) <= allowed)) {
                fail(what + " differs at element " + i + ": stored " + e[i] + ", computed " + a[i]);
            }
            sum += Math.abs(e[i]);
        }
        assertTrue(sum > 0, what + " is all zeros: the golden value checks nothing");
    }

    /**
     * @param sd a graph with a loss variable set
     * @param feed its placeholders
     * @return the gradients of every trainable variable on the loss's path, in name order, as one vector
     */
    public static INDArray parameterGradient(SameDiff sd, Map<String, INDArray> feed) {
        List<String> params = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).sorted().toList();
        Map<String, INDArray> grads = sd.calculateGradients(feed, params);
        return Nd4j.concat(0, params.stream().map(grads::get).filter(g -> g != null).map(g -> g.reshape(-1))
                .toArray(INDArray[]::new));
    }
}
