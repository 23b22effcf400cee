package io.github.wikiart.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists the images of a split folder laid out as {@code <split>/<Style>/...}.
 *
 * <p>Every directory directly under the split folder is a class, even when empty. Files in nested
 * folders belong to the style folder that holds them. Symbolic links are followed (a link loop is
 * reported, not followed forever). Hidden and system files are ignored, as are files without an
 * image extension. The order is deterministic: classes sorted by name, then files by their path
 * relative to the class folder, compared as strings.
 */
public final class DatasetScanner {
    private DatasetScanner() {
    }

    /**
     * Scans one split folder.
     *
     * @param splitDir the folder, e.g. {@code wikiart/train}
     * @param split the split's name, for reports
     * @return the listing
     * @throws NoSuchFileException if the folder does not exist
     * @throws NotDirectoryException if it is not a folder
     * @throws IOException if it cannot be read
     */
    public static SplitListing scan(Path splitDir, String split) throws IOException {
        if (!Files.exists(splitDir)) {
            throw new NoSuchFileException(splitDir.toString(), null, "split folder not found");
        }
        if (!Files.isDirectory(splitDir)) {
            throw new NotDirectoryException(splitDir.toString());
        }
        List<Path> classDirs = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(splitDir)) {
            for (Path entry : entries) {
                if (!ImageFiles.isIgnored(entry.getFileName().toString()) && Files.isDirectory(entry)) {
                    classDirs.add(entry);
                }
            }
        }
        classDirs.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<String> classes = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path classDir : classDirs) {
            String label = classDir.getFileName().toString();
            classes.add(label);
            List<Path> files = listImages(classDir, skipped);
            files.sort(Comparator.comparing(p -> classDir.relativize(p).toString()));
            for (Path file : files) {
                samples.add(new Sample(file, label));
            }
        }
        return new SplitListing(split, splitDir, classes, samples, skipped);
    }

    private static List<Path> listImages(Path classDir, List<SkippedFile> skipped) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(classDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(classDir) && ImageFiles.isIgnored(dir.getFileName().toString())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (!ImageFiles.isCandidate(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isRegularFile()) {
                            files.add(file);
                        } else if (attrs.isSymbolicLink()) {
                            skipped.add(new SkippedFile(file, "broken symbolic link"));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            skipped.add(new SkippedFile(file, "symbolic link loop, not followed"));
                        } else if (ImageFiles.isCandidate(file) || Files.isDirectory(file)) {
                            skipped.add(new SkippedFile(file, "cannot be read: " + describe(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return files;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "broken link or vanished file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
