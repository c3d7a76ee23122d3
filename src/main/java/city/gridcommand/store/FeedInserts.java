package city.gridcommand.store;

import static city.gridcommand.store.BatchInsert.column;

import city.gridcommand.ingest.PendingItem;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Position;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerAck;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.signal.WorkerReport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.UUID;

/**
 * The INSERT of each feed's table and of the dead-letter table, column by column (see V1__ingest.sql),
 * each signal followed by its cells (V2__grid.sql) and its payload's fingerprint (V4__identity.sql).
 */
final class FeedInserts {

    private FeedInserts() {
    }

    static final BatchInsert<Telemetry> TELEMETRY = BatchInsert.placed("telemetry",
            item -> (Telemetry) item.signal(), List.of(
                    column("device_id", "text[]", String.class, Telemetry::senderId),
                    column("seq", "int8[]", Long.class, Telemetry::seq),
                    column("ts", "int8[]", Long.class, Telemetry::ts),
                    column("received_at", "int8[]", Long.class, Telemetry::receivedAt),
                    BatchInsert.jsonbColumn("metrics", t -> MetricsJson.write(t.metrics())),
                    column("lat", "float8[]", Double.class, t -> lat(t.position())),
                    column("lon", "float8[]", Double.class, t -> lon(t.position()))));

    static final BatchInsert<WorkerPosition> WORKER_POSITION = BatchInsert.placed("worker_position",
            item -> (WorkerPosition) item.signal(), List.of(
                    column("worker_id", "text[]", String.class, WorkerPosition::senderId),
                    column("seq", "int8[]", Long.class, WorkerPosition::seq),
                    column("ts", "int8[]", Long.class, WorkerPosition::ts),
                    column("received_at", "int8[]", Long.class, WorkerPosition::receivedAt),
                    column("lat", "float8[]", Double.class, p -> p.position().lat()),
                    column("lon", "float8[]", Double.class, p -> p.position().lon()),
                    column("accuracy", "float8[]", Double.class, WorkerPosition::accuracy),
                    column("battery", "float8[]", Double.class, WorkerPosition::battery)));

    static final BatchInsert<Detection> DETECTION = BatchInsert.placed("detection",
            item -> (Detection) item.signal(), List.of(
                    column("camera_id", "text[]", String.class, Detection::senderId),
                    column("seq", "int8[]", Long.class, Detection::seq),
                    column("ts", "int8[]", Long.class, Detection::ts),
                    column("received_at", "int8[]", Long.class, Detection::receivedAt),
                    column("kind", "text[]", String.class, Detection::kind),
                    column("known_kind", "bool[]", Boolean.class, Detection::knownKind),
                    column("confidence", "float8[]", Double.class, Detection::confidence),
                    column("snapshot_url", "text[]", String.class, Detection::snapshotUrl),
                    column("lat", "float8[]", Double.class, d -> lat(d.position())),
                    column("lon", "float8[]", Double.class, d -> lon(d.position()))));

    /** Photos are a list per report; they travel as JSON arrays because unnest flattens 2-D arrays. */
    static final BatchInsert<WorkerReport> WORKER_REPORT = BatchInsert.custom("""
            INSERT INTO worker_report (report_id, worker_id, ts, received_at, category, description, lat, lon,
                                       photos, severity, cell, cell_path, payload_hash)
            SELECT r.id, r.worker, r.ts, r.received, r.category, r.description, r.lat, r.lon,
                   ARRAY(SELECT jsonb_array_elements_text(r.photos)), r.severity, r.cell,
                   string_to_array(r.cell_path, ','), r.payload_hash
            FROM unnest($1::uuid[], $2::text[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::float8[],
                        $8::float8[], $9::jsonb[], $10::text[], $11::text[], $12::text[], $13::int8[])
                 AS r(id, worker, ts, received, category, description, lat, lon, photos, severity, cell, cell_path,
                      payload_hash)
            ON CONFLICT DO NOTHING""", item -> (WorkerReport) item.signal(), List.of(
                    column("report_id", "uuid[]", UUID.class, WorkerReport::reportId),
                    column("worker_id", "text[]", String.class, WorkerReport::senderId),
                    column("ts", "int8[]", Long.class, WorkerReport::ts),
                    column("received_at", "int8[]", Long.class, WorkerReport::receivedAt),
                    column("category", "text[]", String.class, WorkerReport::category),
                    column("description", "text[]", String.class, WorkerReport::description),
                    column("lat", "float8[]", Double.class, r -> r.position().lat()),
                    column("lon", "float8[]", Double.class, r -> r.position().lon()),
                    column("photos", "jsonb[]", JsonArray.class, r -> new JsonArray(List.copyOf(r.photos()))),
                    column("severity", "text[]", String.class, r -> r.severity() == null ? null : r.severity().name())));

    static final BatchInsert<WorkerAck> WORKER_ACK = BatchInsert.placed("worker_ack",
            item -> (WorkerAck) item.signal(), List.of(
                    column("worker_id", "text[]", String.class, WorkerAck::senderId),
                    column("ts", "int8[]", Long.class, WorkerAck::ts),
                    column("received_at", "int8[]", Long.class, WorkerAck::receivedAt),
                    column("alert_id", "text[]", String.class, WorkerAck::alertId),
                    column("event_id", "text[]", String.class, WorkerAck::eventId),
                    column("action", "text[]", String.class, WorkerAck::action)));

    static final BatchInsert<DeviceStatus> DEVICE_STATUS = BatchInsert.placed("device_status",
            item -> (DeviceStatus) item.signal(), List.of(
                    column("device_id", "text[]", String.class, DeviceStatus::senderId),
                    column("ts", "int8[]", Long.class, DeviceStatus::ts),
                    column("received_at", "int8[]", Long.class, DeviceStatus::receivedAt),
                    column("online", "bool[]", Boolean.class, DeviceStatus::online)));

    /**
     * Dead letters have no identity to deduplicate on: a bad message sent twice is two records of a
     * problem (the dead-letter table has no unique key, so ON CONFLICT never fires).
     */
    static final BatchInsert<PendingItem> DEAD_LETTER = BatchInsert.unnest("dead_letter", item -> item, List.of(
            column("reason", "text[]", String.class, i -> i.deadLetter().reason().code()),
            column("detail", "text[]", String.class, i -> PgText.clean(i.deadLetter().detail())),
            column("topic", "text[]", String.class, i -> PgText.clean(i.deadLetter().topic())),
            column("source", "text[]", String.class, i -> i.source().label()),
            column("sender_id", "text[]", String.class, i -> i.deadLetter().senderId()),
            column("received_at", "int8[]", Long.class, i -> i.deadLetter().receivedAt()),
            column("payload", "bytea[]", Buffer.class, i -> Buffer.buffer(i.deadLetter().payload())),
            column("payload_size", "int4[]", Integer.class, i -> i.deadLetter().payloadSize()),
            column("gateway_id", "text[]", String.class, i -> i.deadLetter().gatewayId())));

    /** The insert for a feed's signals. */
    static BatchInsert<?> forSource(SignalSource source) {
        return switch (source) {
            case TELEMETRY -> TELEMETRY;
            case DETECTION -> DETECTION;
            case WORKER_LOCATION -> WORKER_POSITION;
            case WORKER_REPORT -> WORKER_REPORT;
            case WORKER_ACK -> WORKER_ACK;
            case DEVICE_STATUS -> DEVICE_STATUS;
            case UNKNOWN -> throw new IllegalArgumentException("no table for unknown topics");
        };
    }

    private static Double lat(Position p) {
        return p == null ? null : p.lat();
    }

    private static Double lon(Position p) {
        return p == null ? null : p.lon();
    }
}
