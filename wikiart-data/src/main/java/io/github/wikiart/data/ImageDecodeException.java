package io.github.wikiart.data;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that cannot be used, with its path and the reason. */
public class ImageDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String reason;

    /**
     * @param path the file
     * @param reason why it cannot be used
     * @param cause the underlying failure, or null
     */
    public ImageDecodeException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /** @return why it cannot be used, without the path */
    public String reason() {
        return reason;
    }
}
