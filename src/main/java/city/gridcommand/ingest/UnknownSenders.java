package city.gridcommand.ingest;

/** What happens to a message from a device or worker missing from the registry. */
public enum UnknownSenders {
    /** Store it; the registry is not consulted. */
    ACCEPT,
    /** Dead-letter it as {@code unknown_sender}. */
    REFUSE,
    /** Store it and register the sender (marked as registered automatically). */
    REGISTER
}
