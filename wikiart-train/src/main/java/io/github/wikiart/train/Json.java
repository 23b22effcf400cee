package io.github.wikiart.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wikiart.data.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reading and atomically writing the small JSON files of a run folder. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * @param file target
     * @param value maps, lists, strings, numbers, records
     * @throws IOException naming the file
     */
    public static void write(Path file, Object value) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(value);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * @param file a JSON object
     * @return it as a map
     * @throws IOException naming the file
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param in a JSON object (not closed)
     * @param source what it is, for messages
     * @return it as a map
     * @throws IOException naming the source
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(java.io.InputStream in, String source) throws IOException {
        try {
            return MAPPER.readValue(new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the caller owns the stream
                }
            }, Map.class);
        } catch (IOException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param value anything Jackson can write
     * @return it as indented JSON text
     */
    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot render JSON: " + e.getMessage(), e);
        }
    }
}
