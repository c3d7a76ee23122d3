package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import city.gridcommand.signal.Detection;
import city.gridcommand.signal.DeviceStatus;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.SignalSource;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerAck;
import city.gridcommand.signal.WorkerPosition;
import city.gridcommand.signal.WorkerReport;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each feed's identity in its table: the columns of its unique key (V4__identity.sql). Every key holds
 * {@code ts}, or a report's UUID, so a device whose {@code seq} starts again at 1 after a reboot sends
 * new keys. A key is compared as the list of its values: from a signal, from the RETURNING row of an
 * insert, and in the lookup of the stored payload hashes of rows an insert skipped.
 */
final class SignalKeys {

    /** A key column; {@code nullable} ones are matched with IS NOT DISTINCT FROM (never by an index). */
    record KeyColumn(String name, String arrayType, Class<?> type, Function<Signal, Object> value,
            boolean nullable) {
    }

    /** A feed's table and its unique key. */
    record FeedKey(String table, List<KeyColumn> columns) {

        /** The RETURNING list of an insert: the key, then the stored payload hash. */
        String returning() {
            return names() + ", payload_hash";
        }

        List<Object> of(Signal signal) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = columns.get(i).value().apply(signal);
            }
            return Arrays.asList(values);
        }

        /** The key of a row that starts with the key columns (as {@link #returning()} gives them). */
        List<Object> of(Row row) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getValue(i);
            }
            return Arrays.asList(values);
        }

        /**
         * The stored payload hash of each item's key: rows of (1-based position in the items, hash), a
         * key not stored has no row. One statement for the whole list.
         */
        String lookup() {
            StringBuilder sql = new StringBuilder("SELECT k.i, t.payload_hash FROM unnest(");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('$').append(i + 1).append("::").append(columns.get(i).arrayType());
            }
            sql.append(") WITH ORDINALITY AS k(").append(names()).append(", i) JOIN ").append(table).append(" t ON ");
            for (int i = 0; i < columns.size(); i++) {
                KeyColumn column = columns.get(i);
                sql.append(i == 0 ? "" : " AND ").append("t.").append(column.name())
                        .append(column.nullable() ? " IS NOT DISTINCT FROM k." : " = k.").append(column.name());
            }
            return sql.toString();
        }

        Tuple lookupParameters(List<PendingItem> items) {
            Tuple tuple = Tuple.tuple();
            for (KeyColumn column : columns) {
                Object[] values = (Object[]) Array.newInstance(column.type(), items.size());
                for (int i = 0; i < values.length; i++) {
                    values[i] = column.value().apply(items.get(i).signal());
                }
                tuple.addValue(values);
            }
            return tuple;
        }

        /** The key as a sentence names it: {@code (camera_id, ts, seq) = (cam-1, 1732200000000, 7)}. */
        String describe(Signal signal) {
            return "(" + names() + ") = (" + of(signal).stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
        }

        private String names() {
            return columns.stream().map(KeyColumn::name).collect(Collectors.joining(", "));
        }
    }

    private static final FeedKey TELEMETRY = new FeedKey("telemetry", List.of(
            text("device_id", Signal::senderId), int8("ts", Signal::ts), int8("seq", s -> ((Telemetry) s).seq())));
    private static final FeedKey DETECTION = new FeedKey("detection", List.of(
            text("camera_id", Signal::senderId), int8("ts", Signal::ts), int8("seq", s -> ((Detection) s).seq())));
    private static final FeedKey WORKER_POSITION = new FeedKey("worker_position", List.of(
            text("worker_id", Signal::senderId), int8("ts", Signal::ts), int8("seq", s -> ((WorkerPosition) s).seq())));
    private static final FeedKey WORKER_REPORT = new FeedKey("worker_report", List.of(
            new KeyColumn("report_id", "uuid[]", UUID.class, s -> ((WorkerReport) s).reportId(), false)));
    /** An alert's ack has no action, an event's has no alert id: one unique index with NULLS NOT DISTINCT. */
    private static final FeedKey WORKER_ACK = new FeedKey("worker_ack", List.of(
            text("worker_id", Signal::senderId), int8("ts", Signal::ts),
            new KeyColumn("alert_id", "text[]", String.class, s -> ((WorkerAck) s).alertId(), true),
            new KeyColumn("event_id", "text[]", String.class, s -> ((WorkerAck) s).eventId(), true),
            new KeyColumn("action", "text[]", String.class, s -> ((WorkerAck) s).action(), true)));
    /** {@code online} is in the key: a device's birth and its last will may carry the same connect time. */
    private static final FeedKey DEVICE_STATUS = new FeedKey("device_status", List.of(
            text("device_id", Signal::senderId), int8("ts", Signal::ts),
            new KeyColumn("online", "bool[]", Boolean.class, s -> ((DeviceStatus) s).online(), false)));

    private SignalKeys() {
    }

    static FeedKey of(SignalSource source) {
        return switch (source) {
            case TELEMETRY -> TELEMETRY;
            case DETECTION -> DETECTION;
            case WORKER_LOCATION -> WORKER_POSITION;
            case WORKER_REPORT -> WORKER_REPORT;
            case WORKER_ACK -> WORKER_ACK;
            case DEVICE_STATUS -> DEVICE_STATUS;
            case UNKNOWN -> throw new IllegalArgumentException("no key for unknown topics");
        };
    }

    private static KeyColumn text(String name, Function<Signal, Object> value) {
        return new KeyColumn(name, "text[]", String.class, value, false);
    }

    private static KeyColumn int8(String name, Function<Signal, Object> value) {
        return new KeyColumn(name, "int8[]", Long.class, value, false);
    }
}
