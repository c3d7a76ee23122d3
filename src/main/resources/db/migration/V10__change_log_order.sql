-- The change log's seq in commit order (live screens resume with since={seq}), its epoch, and the
-- scoped read by cell path.
--
-- V3 gave event_change.seq from an identity column, taken when the row was inserted, before commit: a
-- reader could see seq N committed while N-1 was still in flight and skip N-1 for ever. From here on
-- seq comes from the one row of change_log, taken by UPDATE ... SET seq = seq + n: the row stays locked
-- until the transaction ends, so the next writer gets its seq only after this one has committed (or
-- rolled back, giving the numbers back). Once a reader sees seq N, nothing below N can commit later,
-- and the seqs are contiguous. Writers take it as the last thing before commit (store.ChangeLog), so
-- the lock serialises only the short tail of their transactions.

CREATE TABLE change_log (
    id             int    PRIMARY KEY CHECK (id = 1),
    epoch          uuid   NOT NULL,          -- fixed when the log is made: a seq of another log is not ours
    seq            bigint NOT NULL,          -- the last seq given out (committed, once readable)
    pruned_through bigint NOT NULL           -- the highest seq deleted by retention: a reader after a lower
                                             -- one may have missed changes (store.ChangeLogReader, tooOld)
);

-- New seqs continue above every seq V3's identity gave out, even those rolled back or pruned; all
-- before the oldest row kept count as pruned.
INSERT INTO change_log (id, epoch, seq, pruned_through)
SELECT 1, gen_random_uuid(), given, coalesce((SELECT min(seq) - 1 FROM event_change), given)
FROM (SELECT greatest(coalesce((SELECT max(seq) FROM event_change), 0),
                      coalesce(pg_sequence_last_value(pg_get_serial_sequence('event_change', 'seq')), 0)) AS given) g;

ALTER TABLE event_change ALTER COLUMN seq DROP IDENTITY;

-- One seq from the counter, for a row inserted without one (store.ChangeLog gives seqs itself, n at a
-- time): the same lock, so any writer keeps the order.
CREATE FUNCTION change_log_next() RETURNS bigint LANGUAGE sql VOLATILE AS
$$ UPDATE change_log SET seq = seq + 1 WHERE id = 1 RETURNING seq $$;
ALTER TABLE event_change ALTER COLUMN seq SET DEFAULT change_log_next();

-- Every statement that logs changes wakes the instances' tails (live.ChangeTail) when it commits;
-- a notification missed is caught by their poll.
CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN PERFORM pg_notify('event_change', ''); RETURN NULL; END $$;
CREATE TRIGGER event_change_notify AFTER INSERT ON event_change
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify();

-- Whatever deletes changes (retention) raises the mark below which a reader may have missed some.
CREATE FUNCTION change_log_pruned() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN
    UPDATE change_log SET pruned_through = greatest(pruned_through, (SELECT max(seq) FROM gone))
    WHERE id = 1 AND EXISTS (SELECT 1 FROM gone);
    RETURN NULL;
END $$;
CREATE TRIGGER event_change_pruned AFTER DELETE ON event_change REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_pruned();

-- A screen resuming in one street reads its street's changes only (cell_path @> ARRAY[scope]). Without
-- fastupdate: a change's few entries go straight into the index, so a read never scans a pending list
-- (changes are few next to signals).
CREATE INDEX event_change_path ON event_change USING gin (cell_path) WITH (fastupdate = off);
