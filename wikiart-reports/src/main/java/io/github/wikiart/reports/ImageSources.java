package io.github.wikiart.reports;

import io.github.wikiart.data.ImageFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the image arguments of an inference job (predict, apply) into the files to process: a file
 * is itself; a folder is every image file under it, recursively, in path order (the extensions the
 * data layer reads: {@link ImageFiles#EXTENSIONS}); a glob such as {@code photos/*.jpg} or
 * {@code photos/**} is every file it matches, in path order. What cannot be processed is kept with
 * its reason, so a job reports it and goes on: a missing file, a file in a folder that is not an
 * image, a glob that matches nothing. Hidden and system files in folders ({@link ImageFiles#isIgnored})
 * are passed over silently.
 */
public final class ImageSources {
    private ImageSources() {
    }

    /**
     * One file to process, or why an argument gave none.
     *
     * @param path the file (or the argument)
     * @param problem why it cannot be processed, or null
     */
    public record Source(Path path, String problem) {
        /** @return whether it can be processed */
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * @param arguments files, folders and globs, as given
     * @return the sources, argument by argument
     * @throws InvalidJobException when no argument is given
     * @throws UncheckedIOException when a folder cannot be listed
     */
    public static List<Source> expand(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new InvalidJobException("no images given");
        }
        List<Source> out = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                folder(path, out);
            } else if (Files.exists(path)) {
                out.add(new Source(path, null));
            } else if (isGlob(argument)) {
                glob(argument, out);
            } else {
                out.add(new Source(path, "no such file or folder"));
            }
        }
        return out;
    }

    /** @return how many sources can be processed */
    public static long processable(List<Source> sources) {
        return sources.stream().filter(Source::ok).count();
    }

    private static void folder(Path dir, List<Source> out) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (ImageFiles.isIgnored(f.getFileName().toString())) {
                    continue;
                }
                out.add(ImageFiles.isCandidate(f) ? new Source(f, null)
                        : new Source(f, "not an image file (expected one of " + String.join(", ",
                                ImageFiles.EXTENSIONS.stream().sorted().toList()) + ")"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isGlob(String argument) {
        return argument.contains("*") || argument.contains("?") || argument.contains("[") || argument.contains("{");
    }

    /** A glob is matched below the longest leading part of it that has no glob characters. */
    private static void glob(String argument, List<Source> out) {
        String normalised = argument.replace('\\', '/');
        int firstGlob = normalised.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = normalised.indexOf(c);
            if (i >= 0) {
                firstGlob = Math.min(firstGlob, i);
            }
        }
        int slash = normalised.lastIndexOf('/', firstGlob);
        Path base = slash < 0 ? Path.of("") : Path.of(normalised.substring(0, slash + 1));
        Path root = slash < 0 ? Path.of(".") : base;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalised);
        int before = out.size();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path shown = slash < 0 ? root.relativize(f) : f;
                    if (matcher.matches(Path.of(shown.toString().replace('\\', '/')))
                            && !ImageFiles.isIgnored(f.getFileName().toString())) {
                        out.add(new Source(shown, null));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
            }
        }
        if (out.size() == before) {
            out.add(new Source(Path.of(argument), "no file matches this pattern"));
        }
    }
}
