-- Telemetry is the feed a gateway batches by the thousand per second, so every index on it is paid for
-- by every reading. The (cell, ts) index of V2__grid.sql was never read: readings are looked up by
-- device (telemetry_identity), and cells are judged from the events the readings raise, not from the
-- table. Dropping it cut PostgreSQL's CPU per stored reading measurably (BENCHMARKS.md, gateways).
-- The cell and cell_path columns stay: each row still records where it was located.
DROP INDEX IF EXISTS telemetry_cell;
