-- Gateways (issue 14). A gateway is one MQTT connection speaking for many devices: a street's LoRa or
-- NB-IoT concentrator, a video platform, a building-sensor hub. The registry keeps which gateway a device
-- is behind (a gateway may publish only for its own devices; its last will takes them all offline), and
-- which gateway carries a worker's terminal that has no connection of its own (its alerts go down through
-- the gateway). A gateway is known by the devices and workers registered behind it; it has no row itself.
ALTER TABLE device ADD COLUMN gateway_id text;
CREATE INDEX device_gateway ON device (gateway_id, id) WHERE gateway_id IS NOT NULL;
ALTER TABLE worker ADD COLUMN gateway_id text;
CREATE INDEX worker_gateway ON worker (gateway_id, id) WHERE gateway_id IS NOT NULL;

-- A dead letter of one reading in a gateway's batch names the gateway besides the device.
ALTER TABLE dead_letter ADD COLUMN gateway_id text;
CREATE INDEX dead_letter_gateway ON dead_letter (gateway_id, received_at, id) WHERE gateway_id IS NOT NULL;
