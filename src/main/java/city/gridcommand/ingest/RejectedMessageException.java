package city.gridcommand.ingest;

/**
 * Thrown by the decoder when a message cannot be used. It carries the reason and a detail that names
 * the field; it has no stack trace because it is an expected outcome, not a bug.
 */
public final class RejectedMessageException extends Exception {

    private final RejectReason reason;

    public RejectedMessageException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
