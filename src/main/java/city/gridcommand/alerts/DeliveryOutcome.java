package city.gridcommand.alerts;

import java.util.Objects;

/**
 * What a channel made of one delivery: {@link Status#SENT} handed over (the broker's PUBACK, an HTTP 2xx,
 * the browser fan-out accepted it); {@link Status#RETRY} failed for now, to be tried again after a back-off;
 * {@link Status#FAILED} failed for good (no more tries: dead). {@code detail} says why, for the record.
 */
public record DeliveryOutcome(Status status, String detail) {

    public enum Status {
        SENT, RETRY, FAILED
    }

    public DeliveryOutcome {
        Objects.requireNonNull(status, "status");
    }

    public static DeliveryOutcome sent(String detail) {
        return new DeliveryOutcome(Status.SENT, detail);
    }

    public static DeliveryOutcome retry(String detail) {
        return new DeliveryOutcome(Status.RETRY, detail);
    }

    public static DeliveryOutcome failed(String detail) {
        return new DeliveryOutcome(Status.FAILED, detail);
    }
}
