package io.github.wikiart.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Which files of a style folder are candidate images, and which are system clutter. */
public final class ImageFiles {
    /** Extensions (lower case, without the dot) that are candidate images, in any case. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "bmp", "webp");

    private static final Set<String> SYSTEM_FILES = Set.of("thumbs.db", "desktop.ini", "ehthumbs.db");

    private ImageFiles() {
    }

    /**
     * Whether a file or folder name is hidden or system clutter: dot-files (including macOS
     * {@code ._*} resource forks and {@code .DS_Store}), {@code Thumbs.db}, {@code desktop.ini}.
     *
     * @param name a file name without folders
     * @return true to ignore it
     */
    public static boolean isIgnored(String name) {
        return name.startsWith(".") || SYSTEM_FILES.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a file is a candidate image: not ignored, and with an image extension in any case.
     *
     * @param file the file
     * @return true for {@code a.JPG}, {@code b.webp}; false for {@code notes.txt}, {@code ._a.jpg}
     */
    public static boolean isCandidate(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return false;
        }
        String name = fileName.toString();
        if (isIgnored(name)) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
