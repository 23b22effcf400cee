package io.github.wikiart.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The stable map from style names to class indices: the sorted union of the class names of every
 * split used together. The original numbered classes per split and per process; this index is the
 * same for train and test, on every machine, and is saved with every model
 * ({@link #write(Path)}) so that a model is never used with data numbered differently
 * ({@link #requireSameAs(LabelIndex, String)}).
 */
public final class LabelIndex {
    /** File name of a saved label index inside a run or model folder. */
    public static final String FILE_NAME = "labels.txt";

    private final List<String> names;
    private final Map<String, Integer> indices;

    private LabelIndex(List<String> sortedNames) {
        this.names = List.copyOf(sortedNames);
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), i);
        }
        this.indices = Map.copyOf(map);
    }

    /**
     * The index of the sorted union of the given class names.
     *
     * @param classNames names, in any order, duplicates allowed
     * @return the index
     * @throws IllegalArgumentException if there are no names, or a name is blank or has a line break
     */
    public static LabelIndex of(Collection<String> classNames) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : classNames) {
            Objects.requireNonNull(name, "class name");
            if (name.isBlank() || name.contains("\n") || name.contains("\r")) {
                throw new IllegalArgumentException("invalid class name '" + name + "'");
            }
            sorted.add(name);
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no classes: a label index needs at least one style folder");
        }
        return new LabelIndex(new ArrayList<>(sorted));
    }

    /**
     * The index of the union of the classes of several splits.
     *
     * @param splits the listings used together (for example train and test)
     * @return the index
     */
    public static LabelIndex ofSplits(Collection<SplitListing> splits) {
        List<String> all = new ArrayList<>();
        for (SplitListing split : splits) {
            all.addAll(split.classes());
        }
        return of(all);
    }

    /** @return the number of classes */
    public int size() {
        return names.size();
    }

    /** @return the class names in index order */
    public List<String> names() {
        return names;
    }

    /**
     * @param index a class index
     * @return its name
     */
    public String name(int index) {
        return names.get(index);
    }

    /**
     * @param name a class name
     * @return its index
     * @throws IllegalArgumentException naming the unknown class and the known ones
     */
    public int indexOf(String name) {
        Integer i = indices.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown style '" + name + "'; known styles: " + String.join(", ", names));
        }
        return i;
    }

    /**
     * @param name a class name
     * @return whether it is in the index
     */
    public boolean contains(String name) {
        return indices.containsKey(name);
    }

    /**
     * Fails unless this index equals the one a model was trained with.
     *
     * @param modelIndex the index saved with the model
     * @param modelSource where the model came from, for the message
     * @throws LabelIndexMismatchException listing the differences
     */
    public void requireSameAs(LabelIndex modelIndex, String modelSource) {
        if (equals(modelIndex)) {
            return;
        }
        List<String> missing = new ArrayList<>(modelIndex.names);
        missing.removeAll(names);
        List<String> extra = new ArrayList<>(names);
        extra.removeAll(modelIndex.names);
        throw new LabelIndexMismatchException("the data's styles differ from those of the model in " + modelSource
                + ": model has " + modelIndex.size() + " styles, data has " + size()
                + (missing.isEmpty() ? "" : "; only in the model: " + missing)
                + (extra.isEmpty() ? "" : "; only in the data: " + extra));
    }

    /**
     * Writes the index, one name per line in index order, atomically.
     *
     * @param file the target file (usually {@code <folder>/labels.txt})
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, String.join("\n", names) + "\n");
    }

    /**
     * Reads an index written by {@link #write(Path)}.
     *
     * @param file the file
     * @return the index
     * @throws IOException if it cannot be read, or it is not a sorted list of distinct names
     */
    public static LabelIndex read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        LabelIndex index;
        try {
            index = of(lines);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        if (!index.names.equals(lines)) {
            throw new IOException(file + ": not a label index (names must be distinct and sorted)");
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelIndex other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
