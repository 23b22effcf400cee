package io.github.wikiart.reports;

/**
 * A job was given input it cannot use: a missing folder, an unknown style, a setting that does not
 * fit the data. The message names the file, key or value and what was expected; nothing was
 * trained or written because of it.
 */
public class InvalidJobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file, key or value */
    public InvalidJobException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file, key or value
     * @param cause the library's own exception
     */
    public InvalidJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
