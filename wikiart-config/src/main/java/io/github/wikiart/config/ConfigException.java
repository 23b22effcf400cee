package io.github.wikiart.config;

/**
 * A configuration problem a user can fix: an unknown key, a value of the wrong type or out of
 * range, malformed YAML or a malformed {@code --set} override.
 *
 * <p>The message is complete and meant to be shown as is: it names where the problem is (file and
 * line, or the override), the key, the offending value and what was expected. The command line
 * maps this exception to exit code 2.
 *
 * <p>It is unchecked and extends {@link IllegalArgumentException}, so the validating compact
 * constructors of the configuration records can throw it as well.
 */
public class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the complete user-facing message
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message the complete user-facing message
     * @param cause the underlying error
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
