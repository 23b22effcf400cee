package io.github.wikiart.train.transfer;

import io.github.wikiart.train.Json;
import io.github.wikiart.train.loop.ResultCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model file of a transfer resume checkpoint, a zip: {@value #GRAPH} (the SameDiff graph with
 * its updater state), {@value #STEP} (the training step's numbers, such as the latest measured loss
 * or an iteration count, written so they read back bit for bit) and one {@value #ARRAYS}{@code <name>}
 * entry per array the step keeps outside the graph (the moments of a hand-applied Adam), in ND4J's
 * binary format.
 */
final class ResumeGraph {
    static final String GRAPH = "graph.sdz";
    static final String STEP = "step.json";
    static final String ARRAYS = "arrays/";

    private ResumeGraph() {
    }

    /**
     * What a checkpoint's model file holds.
     *
     * @param graph the graph, with its updater state
     * @param step the step's numbers
     * @param arrays the step's arrays by name
     */
    record Contents(SameDiff graph, Map<String, Double> step, Map<String, INDArray> arrays) {
    }

    static void write(SameDiff sd, Map<String, Double> step, Map<String, INDArray> arrays, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        // SameDiff closes the stream it writes to; the zip must stay open.
        OutputStream shield = io.github.wikiart.data.AtomicFiles.unclosable(zip);
        zip.putNextEntry(new ZipEntry(GRAPH));
        sd.save(shield, true);
        zip.closeEntry();
        Map<String, Object> numbers = new LinkedHashMap<>();
        step.forEach((k, v) -> numbers.put(k, ResultCodec.exact(v)));
        zip.putNextEntry(new ZipEntry(STEP));
        zip.write(Json.toText(numbers).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(ARRAYS + e.getKey()));
            DataOutputStream data = new DataOutputStream(shield);
            Nd4j.write(e.getValue(), data);
            data.flush();
            zip.closeEntry();
        }
        zip.finish();
    }

    static Contents read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            SameDiff sd;
            try (InputStream in = entry(zip, GRAPH, file)) {
                sd = SameDiff.load(in, true);
            } catch (RuntimeException e) {
                throw new IOException(file + "!" + GRAPH + ": cannot load the graph: " + e.getMessage(), e);
            }
            Map<String, Double> step = new LinkedHashMap<>();
            try (InputStream in = entry(zip, STEP, file)) {
                Map<String, Object> m = Json.read(in, file + "!" + STEP);
                for (String key : m.keySet()) {
                    step.put(key, ResultCodec.exact(m, key));
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(file + "!" + STEP + ": " + e.getMessage(), e);
            }
            Map<String, INDArray> arrays = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.getName().startsWith(ARRAYS)) {
                    try (DataInputStream in = new DataInputStream(zip.getInputStream(e))) {
                        arrays.put(e.getName().substring(ARRAYS.length()), Nd4j.read(in));
                    }
                }
            }
            return new Contents(sd, step, arrays);
        } catch (ZipException e) {
            throw new IOException(file + ": not a transfer resume checkpoint (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream entry(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException(file + ": no entry '" + name + "' in this resume checkpoint");
        }
        return zip.getInputStream(e);
    }
}
