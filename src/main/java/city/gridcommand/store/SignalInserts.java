package city.gridcommand.store;

import city.gridcommand.ingest.DeadLetter;
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
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/** The INSERT of each feed's table and of the dead-letter table, as column arrays. */
final class SignalInserts {

    private SignalInserts() {
    }

    static final SignalInsert TELEMETRY = new SignalInsert(SignalInsert.unnestInsert("telemetry",
            "device_id, seq, ts, received_at, metrics, lat, lon",
            "text[], int8[], int8[], int8[], jsonb[], float8[], float8[]")) {
        @Override
        SignalSource source() {
            return SignalSource.TELEMETRY;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            String[] ids = new String[n];
            Long[] seqs = new Long[n];
            Long[] ts = new Long[n];
            Long[] received = new Long[n];
            JsonObject[] metrics = new JsonObject[n];
            Double[] lats = new Double[n];
            Double[] lons = new Double[n];
            for (int i = 0; i < n; i++) {
                Telemetry t = (Telemetry) items.get(i).signal();
                ids[i] = t.senderId();
                seqs[i] = t.seq();
                ts[i] = t.ts();
                received[i] = t.receivedAt();
                metrics[i] = new JsonObject(new HashMap<>(t.metrics()));
                lats[i] = lat(t.position());
                lons[i] = lon(t.position());
            }
            return arrays(ids, seqs, ts, received, metrics, lats, lons);
        }
    };

    static final SignalInsert WORKER_POSITION = new SignalInsert(SignalInsert.unnestInsert("worker_position",
            "worker_id, seq, ts, received_at, lat, lon, accuracy, battery",
            "text[], int8[], int8[], int8[], float8[], float8[], float8[], float8[]")) {
        @Override
        SignalSource source() {
            return SignalSource.WORKER_LOCATION;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            String[] ids = new String[n];
            Long[] seqs = new Long[n];
            Long[] ts = new Long[n];
            Long[] received = new Long[n];
            Double[] lats = new Double[n];
            Double[] lons = new Double[n];
            Double[] accuracy = new Double[n];
            Double[] battery = new Double[n];
            for (int i = 0; i < n; i++) {
                WorkerPosition p = (WorkerPosition) items.get(i).signal();
                ids[i] = p.senderId();
                seqs[i] = p.seq();
                ts[i] = p.ts();
                received[i] = p.receivedAt();
                lats[i] = p.position().lat();
                lons[i] = p.position().lon();
                accuracy[i] = p.accuracy();
                battery[i] = p.battery();
            }
            return arrays(ids, seqs, ts, received, lats, lons, accuracy, battery);
        }
    };

    static final SignalInsert DETECTION = new SignalInsert(SignalInsert.unnestInsert("detection",
            "camera_id, seq, ts, received_at, kind, known_kind, confidence, snapshot_url, lat, lon",
            "text[], int8[], int8[], int8[], text[], bool[], float8[], text[], float8[], float8[]")) {
        @Override
        SignalSource source() {
            return SignalSource.DETECTION;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            String[] ids = new String[n];
            Long[] seqs = new Long[n];
            Long[] ts = new Long[n];
            Long[] received = new Long[n];
            String[] kinds = new String[n];
            Boolean[] known = new Boolean[n];
            Double[] confidence = new Double[n];
            String[] snapshots = new String[n];
            Double[] lats = new Double[n];
            Double[] lons = new Double[n];
            for (int i = 0; i < n; i++) {
                Detection d = (Detection) items.get(i).signal();
                ids[i] = d.senderId();
                seqs[i] = d.seq();
                ts[i] = d.ts();
                received[i] = d.receivedAt();
                kinds[i] = d.kind();
                known[i] = d.knownKind();
                confidence[i] = d.confidence();
                snapshots[i] = d.snapshotUrl();
                lats[i] = lat(d.position());
                lons[i] = lon(d.position());
            }
            return arrays(ids, seqs, ts, received, kinds, known, confidence, snapshots, lats, lons);
        }
    };

    /** Photos are a list per report; they travel as a JSON array text because unnest flattens 2-D arrays. */
    static final SignalInsert WORKER_REPORT = new SignalInsert("""
            INSERT INTO worker_report (report_id, worker_id, ts, received_at, category, description, lat, lon,
                                       photos, severity)
            SELECT r.id, r.worker, r.ts, r.received, r.category, r.description, r.lat, r.lon,
                   ARRAY(SELECT jsonb_array_elements_text(r.photos)), r.severity
            FROM unnest($1::uuid[], $2::text[], $3::int8[], $4::int8[], $5::text[], $6::text[], $7::float8[],
                        $8::float8[], $9::jsonb[], $10::text[])
                 AS r(id, worker, ts, received, category, description, lat, lon, photos, severity)
            ON CONFLICT DO NOTHING""") {
        @Override
        SignalSource source() {
            return SignalSource.WORKER_REPORT;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            UUID[] ids = new UUID[n];
            String[] workers = new String[n];
            Long[] ts = new Long[n];
            Long[] received = new Long[n];
            String[] categories = new String[n];
            String[] descriptions = new String[n];
            Double[] lats = new Double[n];
            Double[] lons = new Double[n];
            JsonArray[] photos = new JsonArray[n];
            String[] severities = new String[n];
            for (int i = 0; i < n; i++) {
                WorkerReport r = (WorkerReport) items.get(i).signal();
                ids[i] = r.reportId();
                workers[i] = r.senderId();
                ts[i] = r.ts();
                received[i] = r.receivedAt();
                categories[i] = r.category();
                descriptions[i] = r.description();
                lats[i] = r.position().lat();
                lons[i] = r.position().lon();
                photos[i] = new JsonArray(List.copyOf(r.photos()));
                severities[i] = r.severity() == null ? null : r.severity().name();
            }
            return arrays(ids, workers, ts, received, categories, descriptions, lats, lons, photos, severities);
        }
    };

    static final SignalInsert WORKER_ACK = new SignalInsert(SignalInsert.unnestInsert("worker_ack",
            "worker_id, ts, received_at, alert_id, event_id, action",
            "text[], int8[], int8[], text[], text[], text[]")) {
        @Override
        SignalSource source() {
            return SignalSource.WORKER_ACK;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            String[] workers = new String[n];
            Long[] ts = new Long[n];
            Long[] received = new Long[n];
            String[] alerts = new String[n];
            String[] events = new String[n];
            String[] actions = new String[n];
            for (int i = 0; i < n; i++) {
                WorkerAck a = (WorkerAck) items.get(i).signal();
                workers[i] = a.senderId();
                ts[i] = a.ts();
                received[i] = a.receivedAt();
                alerts[i] = a.alertId();
                events[i] = a.eventId();
                actions[i] = a.action();
            }
            return arrays(workers, ts, received, alerts, events, actions);
        }
    };

    static final SignalInsert DEVICE_STATUS = new SignalInsert(SignalInsert.unnestInsert("device_status",
            "device_id, ts, received_at, online", "text[], int8[], int8[], bool[]")) {
        @Override
        SignalSource source() {
            return SignalSource.DEVICE_STATUS;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            String[] ids = new String[n];
            Long[] ts = new Long[n];
            Long[] received = new Long[n];
            Boolean[] online = new Boolean[n];
            for (int i = 0; i < n; i++) {
                DeviceStatus s = (DeviceStatus) items.get(i).signal();
                ids[i] = s.senderId();
                ts[i] = s.ts();
                received[i] = s.receivedAt();
                online[i] = s.online();
            }
            return arrays(ids, ts, received, online);
        }
    };

    /** Dead letters have no identity to deduplicate on: a message sent twice is two records of a problem. */
    static final SignalInsert DEAD_LETTER = new SignalInsert("""
            INSERT INTO dead_letter (reason, detail, topic, source, sender_id, received_at, payload, payload_size)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[],
                                 $7::bytea[], $8::int4[])""") {
        @Override
        SignalSource source() {
            return null;
        }

        @Override
        Tuple columns(List<PendingItem> items) {
            int n = items.size();
            String[] reasons = new String[n];
            String[] details = new String[n];
            String[] topics = new String[n];
            String[] sources = new String[n];
            String[] senders = new String[n];
            Long[] received = new Long[n];
            Buffer[] payloads = new Buffer[n];
            Integer[] sizes = new Integer[n];
            for (int i = 0; i < n; i++) {
                PendingItem item = items.get(i);
                DeadLetter d = item.deadLetter();
                reasons[i] = d.reason().code();
                details[i] = PgText.clean(d.detail());
                topics[i] = PgText.clean(d.topic());
                sources[i] = item.source().label();
                senders[i] = d.senderId();
                received[i] = d.receivedAt();
                payloads[i] = Buffer.buffer(d.payload());
                sizes[i] = d.payloadSize();
            }
            return arrays(reasons, details, topics, sources, senders, received, payloads, sizes);
        }
    };

    /** Every signal insert, indexed by source ordinal. */
    static SignalInsert forSource(SignalSource source) {
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
