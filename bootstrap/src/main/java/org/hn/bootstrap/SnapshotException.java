package org.hn.bootstrap;

/** A refused archive or a failed snapshot step, with its typed {@link SnapshotFailure reason}. */
public final class SnapshotException extends Exception {

    private static final long serialVersionUID = 1L;

    private final SnapshotFailure reason;

    public SnapshotException(SnapshotFailure reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public SnapshotException(SnapshotFailure reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    /** The check that failed. */
    public SnapshotFailure reason() {
        return reason;
    }
}
