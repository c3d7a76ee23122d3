package city.gridcommand.embedded;

/** An embedded broker or database could not start; the message says what to do about it. */
public final class EmbeddedStartException extends RuntimeException {

    public EmbeddedStartException(String message) {
        super(message);
    }

    public EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
