package city.gridcommand.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What ingest accepts and how it batches (environment: {@code GRID_INGEST_*}). */
@ConfigMapping(prefix = "grid.ingest")
public interface IngestSettings {

    /** Largest payload accepted, in bytes. Default 65536. */
    @WithDefault("65536")
    int maxPayloadBytes();

    /** How far a sender's clock may run ahead of the service's. Default 5 minutes. */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** How old a message may be (a gateway replaying its buffer). Default 7 days; capped by retention. */
    @WithDefault("P7D")
    Duration maxAge();

    /**
     * Messages from devices and workers missing from the registry: {@code accept} them (default),
     * {@code refuse} them (dead letter {@code unknown_sender}) or {@code register} their sender on first
     * sight and accept them.
     */
    @WithDefault("accept")
    UnknownSenders unknownSenders();

    /** How often the registry of devices and workers is reloaded from the database. Default 10 seconds. */
    @WithDefault("10s")
    String registryRefresh();

    /**
     * Bytes kept of a payload larger than {@link #maxPayloadBytes()}: only these are buffered and kept in
     * its {@code oversized_payload} dead letter. Every other dead letter keeps its whole payload, which is
     * within the limit, so that it can be replayed. Default 4096.
     */
    @WithDefault("4096")
    int deadLetterPayloadBytes();

    /** Most messages written in one transaction. Default 2000. */
    @WithDefault("2000")
    int maxBatch();

    /**
     * Batches written at once. Writing is bound by commit latency more than by CPU, so a few writers
     * in parallel keep up where two fall behind (BENCHMARKS.md: 16.4k msg/s with 2, 18.9k with 4 at a
     * paced 20k). Default 4; keep it below the reactive pool's size (8).
     */
    @WithDefault("4")
    int maxConcurrentWrites();

    /**
     * Most messages held unacknowledged: at this count the MQTT connections stop reading until batches
     * commit. Split evenly between the connections; each announces its share as its MQTT receive
     * maximum (at most 65535). This bounds memory whatever the rate. Default 20000.
     */
    @WithDefault("20000")
    int capacity();

    /**
     * Most payload bytes held unacknowledged: at this many the MQTT connections stop reading until batches
     * commit, as at {@link #capacity()}, whichever is reached first; reading resumes below three quarters
     * of both. Split evenly between the connections. Every pending message keeps its payload until it is
     * durable, so without it 20,000 messages of 64 KiB would need 1.3 GB. Default 67108864 (64 MiB),
     * which fits a 256 MiB heap with room for the decoded signals.
     */
    @WithDefault("67108864")
    long capacityBytes();

    /** Ceiling of the retry back-off while the database is unavailable. Default 5 seconds. */
    @WithDefault("PT5S")
    Duration maxRetryDelay();
}
