-- Identities that survive a device reboot, the payload each row was stored from, statuses by arrival.
--
-- Field devices start their seq again at 1 after a reboot, a firmware update or a replacement under the
-- same id. Every unique key therefore holds ts (a rebooted device's messages carry later ts) or, for
-- reports, their UUID:
--   telemetry        (device_id, ts, seq)                               unchanged
--   worker_position  (worker_id, ts, seq)                               unchanged
--   detection        (camera_id, seq)  ->  (camera_id, ts, seq)
--   worker_report    report_id                                          unchanged
--   worker_ack       (worker_id, ts, alert_id or event_id)  ->  (worker_id, ts, alert_id, event_id, action)
--   device_status    (device_id, ts)  ->  (device_id, ts, online): a device's birth message and its last
--                    will are often both stamped with the time it connected
--
-- payload_hash is the first 8 bytes of the SHA-256 of the payload a row was stored from (signed, as
-- bigint). A message whose key is stored already is a redelivery when the hashes match, and a conflicting
-- duplicate (dead-lettered, never stored twice) when they differ. Rows stored before this version have
-- no hash: a message with their key counts as a redelivery, as it did before.

ALTER TABLE telemetry       ADD COLUMN payload_hash bigint;
ALTER TABLE worker_position ADD COLUMN payload_hash bigint;
ALTER TABLE detection       ADD COLUMN payload_hash bigint;
ALTER TABLE worker_report   ADD COLUMN payload_hash bigint;
ALTER TABLE worker_ack      ADD COLUMN payload_hash bigint;
ALTER TABLE device_status   ADD COLUMN payload_hash bigint;

-- Every stored (camera_id, seq) is unique, so every (camera_id, ts, seq) is too. The new key also serves
-- "a camera's latest detection" as a backward index scan.
ALTER TABLE detection DROP CONSTRAINT detection_pkey, ADD PRIMARY KEY (camera_id, ts, seq);

DROP INDEX worker_ack_identity;
ALTER TABLE worker_ack
    ADD CONSTRAINT worker_ack_identity UNIQUE NULLS NOT DISTINCT (worker_id, ts, alert_id, event_id, action);

ALTER TABLE device_status DROP CONSTRAINT device_status_pkey, ADD PRIMARY KEY (device_id, ts, online);
-- A device's online state is its latest status by arrival (received_at, the service's clock), not by
-- its own ts: a last will carries the ts of the device's connect, older than everything it sent since.
CREATE INDEX device_status_arrival ON device_status (device_id, received_at);
