-- The city's grid (versioned: every import is kept), the full sender registry, and the cell of every
-- stored signal.
--
-- Cell codes nest by prefix (district 6 digits, street +3, community +3, base grid +3; special and
-- overlay cells +3 under their parent), so "everything under a cell" is a prefix range on the base
-- cell's code. Codes are stored with the "C" collation so that a btree answers LIKE 'prefix%' with an
-- index range scan whatever the database's default collation.

CREATE TABLE grid_version (
    version     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imported_at bigint  NOT NULL,
    source      text    NOT NULL,  -- 'import' (PUT /api/v1/grids) or 'demo' (the embedded demo city)
    cell_count  int     NOT NULL,
    warnings    jsonb   NOT NULL DEFAULT '[]',
    current     boolean NOT NULL DEFAULT false
);
-- Exactly one current version at most; switching is one transaction.
CREATE UNIQUE INDEX grid_version_current ON grid_version (current) WHERE current;

CREATE TABLE cell (
    version    bigint NOT NULL REFERENCES grid_version ON DELETE CASCADE,
    code       text COLLATE "C" NOT NULL,
    name       text   NOT NULL,
    level      text   NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
    kind       text   NOT NULL CHECK (kind IN ('base', 'special', 'overlay')),
    parent     text COLLATE "C",
    geometry   bytea  NOT NULL,  -- WKB (JTS), WGS84 lon/lat
    households int,
    population int,
    workers    text[] NOT NULL DEFAULT '{}',
    leader     text,
    PRIMARY KEY (version, code)
);

-- The registry: devices and workers with what the API manages about them.
ALTER TABLE device
    ADD COLUMN name         text,
    ADD COLUMN lat          double precision,
    ADD COLUMN lon          double precision,
    ADD COLUMN capabilities text[] NOT NULL DEFAULT '{}',
    ADD COLUMN department   text,
    ADD COLUMN auto         boolean NOT NULL DEFAULT false,  -- registered on first message, not by hand
    ADD CONSTRAINT device_position CHECK ((lat IS NULL) = (lon IS NULL));

ALTER TABLE worker
    ADD COLUMN name       text,
    ADD COLUMN role       text   NOT NULL DEFAULT 'worker' CHECK (role IN ('worker', 'leader', 'supervisor')),
    ADD COLUMN cells      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN department text,
    ADD COLUMN phone      text,
    ADD COLUMN auto       boolean NOT NULL DEFAULT false;

-- The cells of each stored signal: cell is the base cell (null when outside every base cell or when
-- the signal had no position), cell_path the path root first, then special and overlay cells.
ALTER TABLE telemetry       ADD COLUMN cell text COLLATE "C", ADD COLUMN cell_path text[] NOT NULL DEFAULT '{}';
ALTER TABLE worker_position ADD COLUMN cell text COLLATE "C", ADD COLUMN cell_path text[] NOT NULL DEFAULT '{}';
ALTER TABLE detection       ADD COLUMN cell text COLLATE "C", ADD COLUMN cell_path text[] NOT NULL DEFAULT '{}';
ALTER TABLE worker_report   ADD COLUMN cell text COLLATE "C", ADD COLUMN cell_path text[] NOT NULL DEFAULT '{}';
ALTER TABLE worker_ack      ADD COLUMN cell text COLLATE "C", ADD COLUMN cell_path text[] NOT NULL DEFAULT '{}';
ALTER TABLE device_status   ADD COLUMN cell text COLLATE "C", ADD COLUMN cell_path text[] NOT NULL DEFAULT '{}';

CREATE INDEX telemetry_cell       ON telemetry (cell, ts);
CREATE INDEX worker_position_cell ON worker_position (cell, ts);
CREATE INDEX detection_cell       ON detection (cell, ts);
CREATE INDEX worker_report_cell   ON worker_report (cell, ts);
CREATE INDEX device_status_cell   ON device_status (cell, ts);

-- Grid workers entering and leaving cells, and leaving their assigned cells on duty (signals for the
-- rules). Settled from positions with hysteresis; a redelivered position settles the same change.
CREATE TABLE worker_cell_change (
    worker_id text   NOT NULL,
    ts        bigint NOT NULL,
    change    text   NOT NULL CHECK (change IN ('entered', 'left', 'left_assigned')),
    cell      text COLLATE "C",
    UNIQUE NULLS NOT DISTINCT (worker_id, ts, change, cell)
);
CREATE INDEX worker_cell_change_cell ON worker_cell_change (cell, ts);
