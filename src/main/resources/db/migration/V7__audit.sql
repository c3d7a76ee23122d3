-- The audit trail (issue 11): every change made through the API (grid import, rule set, registry,
-- catalogue, case creation and transitions, dead-letter replay, sign-in), who made it (the token's subject
-- and roles), when, from which address, and what (action, target, cell, detail). Only successful changes
-- are recorded, so there is no outcome column. Read by GET /api/v1/audit (admins only), newest first by id.
--
-- at is a timestamptz (not epoch ms like the signal tables): the database's clock when the service does
-- not give one; the API shows it as epoch ms. cell uses the "C" collation like every cell column (V2), so
-- the API's cell filter, a prefix of the code (a cell and everything under it), is an index range scan.
--
-- Append-only: the triggers below refuse every UPDATE and DELETE (per row) and every TRUNCATE (per
-- statement) with "audit_entry is append-only", whoever runs them, superusers included. The service owns
-- the table (Flyway runs as the service's role), so revoking grants would not bind it; a trigger does.
-- Only the table's owner or a superuser deliberately dropping or disabling the triggers (or running with
-- session_replication_role = replica) gets past them. The table is therefore left out of retention
-- (store.Retention): audit entries are kept.

CREATE TABLE audit_entry (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text        NOT NULL,                -- the token's subject ('system' for the service itself)
    roles   text[]      NOT NULL,                -- the token's roles at the time
    address text,                                -- the client's IP address, when known
    action  text        NOT NULL,                -- grid.import, rules.replace, device.put, case.transition, …
    target  text,                                -- what was acted on: a device id, an event UUID, a grid version…
    cell    text COLLATE "C",                    -- the cell concerned, if any
    detail  jsonb       NOT NULL DEFAULT '{}'    -- what changed, as the action describes it
);
-- Every filter of the API is one of these plus "newest first by id" (the primary key serves the listing
-- without a filter, backwards): each is a backward range scan that stops at the page's limit.
CREATE INDEX audit_entry_actor  ON audit_entry (actor, id);
CREATE INDEX audit_entry_action ON audit_entry (action, id);
CREATE INDEX audit_entry_target ON audit_entry (target, id);
CREATE INDEX audit_entry_cell   ON audit_entry (cell, id);
CREATE INDEX audit_entry_at     ON audit_entry (at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only'
        USING DETAIL = format('%s on audit_entry is refused: audit entries are never changed or removed', TG_OP);
END $$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
