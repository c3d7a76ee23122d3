package city.gridcommand.ingest;

/**
 * A batch could not be written. {@code permanent} means this batch cannot be written as it is (retrying
 * the same rows cannot help: it is split to find the rows at fault); otherwise the database was
 * unavailable and the batch is retried.
 */
public final class BatchStoreException extends RuntimeException {

    private final boolean permanent;

    public BatchStoreException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
