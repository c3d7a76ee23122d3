package city.gridcommand.ingest;

import java.time.Duration;

/**
 * What the decoder accepts.
 *
 * @param maxPayloadBytes larger payloads are dead-lettered as oversized
 * @param maxFutureSkew   how far a sender's clock may run ahead of ours
 * @param maxAge          how old a message may be; never more than the storage retention
 */
public record IngestLimits(int maxPayloadBytes, Duration maxFutureSkew, Duration maxAge) {

    public IngestLimits {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive");
        }
    }
}
