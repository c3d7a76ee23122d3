-- Retention: every growing table that is not partitioned by day is pruned by when its rows arrived
-- (store.Retention, store.PartitionMaintainer); these indexes keep each pruning pass a range scan.
CREATE INDEX detection_received          ON detection (received_at);
CREATE INDEX device_status_received      ON device_status (received_at);
CREATE INDEX worker_ack_received         ON worker_ack (received_at);
CREATE INDEX worker_report_received      ON worker_report (received_at);
CREATE INDEX worker_cell_change_ts       ON worker_cell_change (ts);
CREATE INDEX event_change_at             ON event_change (at);
CREATE INDEX telemetry_default_ts        ON telemetry_default (ts);
CREATE INDEX worker_position_default_ts  ON worker_position_default (ts);
