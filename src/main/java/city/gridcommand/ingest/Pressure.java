package city.gridcommand.ingest;

/** How ingestion keeps up, as reported by the stats endpoint, metrics and readiness. */
public enum Pressure {
    /** Writes keep up; the broker may send freely. */
    FLOWING,
    /** Every in-flight slot is taken: no more messages are requested until writes complete. */
    SATURATED,
    /** The database is failing; batches are being retried and nothing new is acknowledged. */
    STALLED
}
