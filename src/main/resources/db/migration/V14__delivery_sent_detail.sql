-- What the channel said when it handed a delivery over: the terminal channel's "PUBACK <topic>" (its worker's
-- own topic, or the gateway its terminal is behind: grid/v1/gateways/{id}/alerts), a webhook's "HTTP 204",
-- the browser fan-out's "PUBACK". Null until sent, and for deliveries sent before this column.
ALTER TABLE alert_delivery ADD COLUMN sent_detail text;
