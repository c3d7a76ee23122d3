package city.gridcommand.ingest;

import city.gridcommand.signal.WorkerAck;

/**
 * Told of each worker's ack of an alert once it is durable (its batch committed; a redelivery too): how an
 * ack on {@code grid/v1/workers/{id}/acks} stops an alert's chain at once. Must return at once. An ack whose
 * hand-over is lost (the instance stops) is still found in {@code worker_ack} by the alerts' timers.
 */
@FunctionalInterface
public interface StoredAlertAcks {

    StoredAlertAcks NONE = ack -> { };

    void stored(WorkerAck ack);
}
