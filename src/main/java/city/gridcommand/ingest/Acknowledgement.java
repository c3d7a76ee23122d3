package city.gridcommand.ingest;

/** What becomes of one message once ingest is done with it, told to whoever delivered it (the broker). */
@FunctionalInterface
public interface Acknowledgement {

    /** The message, or its dead letter, is in the database: the broker may forget it. */
    void acknowledge();

    /**
     * The message could not be made durable and must come again. Ingest gives it up (it no longer counts
     * against capacity) and the broker delivers it again, at the latest on the next connection.
     */
    default void redeliver() {
    }

    /**
     * The message turned out to hold {@code items} readings (a gateway's batch), each written on its own:
     * whoever delivered it counts them against its capacity until the message is acknowledged.
     */
    default void holds(int items) {
    }
}
