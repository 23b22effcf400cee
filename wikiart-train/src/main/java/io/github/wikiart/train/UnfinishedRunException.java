package io.github.wikiart.train;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A new run was asked for in a folder that holds a run that did not finish (running, killed,
 * failed or interrupted): it can be continued from its resume checkpoint or deleted, and nothing is
 * done until the caller chooses.
 */
public class UnfinishedRunException extends FileAlreadyExistsException {
    private static final long serialVersionUID = 1L;

    private final transient RunFolder.Status status;

    /**
     * @param dir the folder
     * @param status what its {@code run-state.json} records
     */
    public UnfinishedRunException(Path dir, RunFolder.Status status) {
        super(dir.toString(), null, "holds an unfinished run (" + status + "); continue it with --resume "
                + dir + ", or delete it and start over with --overwrite");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** @return what the folder's {@code run-state.json} records */
    public RunFolder.Status status() {
        return status;
    }
}
