package io.github.wikiart.train.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wikiart.data.AtomicFiles;
import io.github.wikiart.data.LabelIndex;
import io.github.wikiart.train.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import io.github.wikiart.models.NativeBackend;
import io.github.wikiart.models.OneDnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Model files that carry their own {@link ModelDescription}: a zip with the description as the
 * entry {@value #DESCRIPTION_ENTRY} beside the model's own entries. A DL4J network keeps DL4J's
 * format (its loaders ignore entries they do not know, so {@code MultiLayerNetwork.load} still
 * reads the file); a SameDiff model is a zip of its graph and any other entries it needs. A plain
 * JSON entry rather than {@code ModelSerializer.addObjectToFile}, which stores Java-serialised
 * objects: any zip tool can read it, and loading never deserialises Java objects. Files are
 * written to a temporary file and renamed, so a crash never leaves a half-written model.
 */
public final class ModelFiles {
    /** The zip entry holding the description. */
    public static final String DESCRIPTION_ENTRY = "wikiart-model.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFiles() {
    }

    /**
     * Reads one zip entry.
     *
     * @param <T> what it reads
     */
    @FunctionalInterface
    public interface EntryReader<T> {
        /**
         * @param in the entry's bytes (closed by the caller)
         * @return what was read
         * @throws IOException on failure
         */
        T read(InputStream in) throws IOException;
    }

    /**
     * Writes a DL4J network with its updater state and its description, atomically.
     *
     * @param net the network
     * @param description what it is
     * @param file the target
     * @throws IOException naming the file
     */
    public static void saveNetwork(MultiLayerNetwork net, ModelDescription description, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        AtomicFiles.write(file, out -> writeNetwork(net, description, out));
    }

    /**
     * Writes a DL4J network with its updater state and its description to a stream (as
     * {@link #saveNetwork}, for writers that own the file, such as the training loop's checkpoints).
     *
     * @param net the network
     * @param description what it is
     * @param out where to write the model file's bytes (not closed)
     * @throws IOException when writing fails
     */
    public static void writeNetwork(MultiLayerNetwork net, ModelDescription description, java.io.OutputStream out)
            throws IOException {
        Path tmp = Files.createTempFile("wikiart-model-", ".zip");
        try {
            ModelSerializer.writeModel(net, tmp.toFile(), true);
            byte[] json = MAPPER.writeValueAsBytes(description.toJson());
            try (FileSystem zip = FileSystems.newFileSystem(tmp, Map.of())) {
                Files.write(zip.getPath(DESCRIPTION_ENTRY), json);
            }
            Files.copy(tmp, out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Loads the DL4J network of a model file (with its updater state). Its layers get DL4J's
     * oneDNN helpers, as when the network was trained ({@link OneDnn}): without that call a model
     * loaded in a new JVM ran without them, slower and with different float rounding.
     *
     * @param file a file written by {@link #saveNetwork} or DL4J's {@code ModelSerializer}
     * @return the network
     * @throws IOException naming the missing or unreadable file
     */
    public static MultiLayerNetwork loadNetwork(Path file) throws IOException {
        requireFile(file);
        NativeBackend.prepare();
        try {
            return MultiLayerNetwork.load(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot load the model: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a zip of the description and other entries, atomically.
     *
     * @param file the target
     * @param description what the model is
     * @param entries entry names to what writes them, in order (the writers must not close the stream)
     * @throws IOException naming the file
     */
    public static void writeArchive(Path file, ModelDescription description, Map<String, AtomicFiles.Writer> entries)
            throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(description.toJson());
        AtomicFiles.write(file, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            zip.putNextEntry(new ZipEntry(DESCRIPTION_ENTRY));
            zip.write(json);
            zip.closeEntry();
            for (Map.Entry<String, AtomicFiles.Writer> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                // Some writers (SameDiff's) close the stream they are given; the zip must stay open.
                e.getValue().writeTo(AtomicFiles.unclosable(zip));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * The description stored in a model file.
     *
     * @param file a model file
     * @return its description, or empty for a file saved before models described themselves
     * @throws IOException naming the file when it is missing, not a zip, or its description is broken
     */
    public static Optional<ModelDescription> description(Path file) throws IOException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(DESCRIPTION_ENTRY);
            if (entry == null) {
                return Optional.empty();
            }
            String source = file + "!" + DESCRIPTION_ENTRY;
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(ModelDescription.fromJson(Json.read(in, source), null, null, source));
            }
        } catch (ZipException e) {
            throw new IOException(file + ": not a model file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The description of a DL4J model file: the one inside it, or for a file saved before models
     * described themselves, {@code model-info.json} and {@code labels.txt} beside it.
     *
     * @param file a model file
     * @param kind the kind the caller can use
     * @return the description
     * @throws IOException naming the file when there is none, it is broken, or of another kind
     */
    public static ModelDescription describeNetwork(Path file, ModelDescription.Kind kind) throws IOException {
        Optional<ModelDescription> inside = description(file);
        if (inside.isPresent()) {
            return inside.get().requireKind(kind, file);
        }
        Path dir = file.toAbsolutePath().getParent();
        Path info = dir.resolve(ModelDescription.INFO_FILE);
        if (!Files.isRegularFile(info)) {
            throw new NoSuchFileException(file.toString(), null, "the model file has no description and no "
                    + ModelDescription.INFO_FILE + " is beside it");
        }
        LabelIndex labels = LabelIndex.read(dir.resolve(LabelIndex.FILE_NAME));
        return ModelDescription.fromJson(Json.read(info), kind, labels, info).requireKind(kind, info);
    }

    /**
     * Reads one entry of a model file.
     *
     * @param file the model file
     * @param name the entry
     * @param reader what to do with its bytes
     * @param <T> the result type
     * @return the reader's result
     * @throws IOException naming the file and entry when it is missing or unreadable
     */
    public static <T> T readEntry(Path file, String name, EntryReader<T> reader) throws IOException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException(file + ": no entry '" + name + "' in this model file");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return reader.read(in);
            }
        } catch (ZipException e) {
            throw new IOException(file + ": not a model file (" + e.getMessage() + ")", e);
        }
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no model file");
        }
    }
}
