-- Dead letters can be replayed through the message path once their cause is fixed
-- (POST /api/v1/deadletters/replay). replayed_at: when (epoch ms) a replay made the message durable again
-- (stored, a duplicate, or a new dead letter if it failed again); null until then, and a replay takes only
-- dead letters with no replayed_at. Dead letters now keep their whole payload (up to the payload limit,
-- grid.ingest.max-payload-bytes) so that it can be replayed: payload was already bytea, without a limit.
ALTER TABLE dead_letter ADD COLUMN replayed_at bigint;
