package city.gridcommand.store;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.Grid;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Grid versions in PostgreSQL: every import is a new version with all its cells, switched in as the
 * current one in the same transaction; earlier versions are kept.
 */
@ApplicationScoped
public class GridRepository {

    /** A stored version: when, from where, how many cells, and its import warnings (JSON). */
    public record GridVersion(long version, long importedAt, String source, int cellCount, boolean current,
            String warnings) {
    }

    /** Serialises imports so that exactly one ends up current, whatever the interleaving. */
    private static final long IMPORT_LOCK = 0x67726964L;
    private static final String INSERT_CELL = """
            INSERT INTO cell (version, code, name, level, kind, parent, geometry, households, population, workers, leader)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    private final Pool pool;

    GridRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores the cells as a new version and makes it current; the version number. */
    public CompletionStage<Long> replace(List<Cell> cells, String source, JsonArray warnings) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(IMPORT_LOCK))
                .compose(locked -> connection.preparedQuery("""
                                INSERT INTO grid_version (imported_at, source, cell_count, warnings)
                                VALUES ($1, $2, $3, $4::jsonb) RETURNING version""")
                        .execute(Tuple.of(System.currentTimeMillis(), source, cells.size(), warnings.encode())))
                .map(rows -> rows.iterator().next().getLong(0))
                .compose(version -> insertCells(connection, version, cells).map(version))
                .compose(version -> connection.query("UPDATE grid_version SET current = false WHERE current").execute()
                        .map(version))
                .compose(version -> connection
                        .preparedQuery("UPDATE grid_version SET current = true WHERE version = $1")
                        .execute(Tuple.of(version)).map(version))).toCompletionStage();
    }

    /** The current version number, or null when none was ever stored. */
    public CompletionStage<Long> currentVersion() {
        return pool.query("SELECT version FROM grid_version WHERE current").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : null).toCompletionStage();
    }

    /** The current grid, or null when none was ever stored. */
    public CompletionStage<Grid> current() {
        return pool.query("SELECT version FROM grid_version WHERE current").execute().compose(rows -> {
            if (!rows.iterator().hasNext()) {
                return Future.<Grid>succeededFuture(null);
            }
            long version = rows.iterator().next().getLong(0);
            return pool.preparedQuery("SELECT code, name, level, kind, parent, geometry, households, population, "
                            + "workers, leader FROM cell WHERE version = $1").execute(Tuple.of(version))
                    .map(cells -> {
                        List<Cell> list = new ArrayList<>(cells.size());
                        WKBReader reader = new WKBReader();
                        cells.forEach(row -> list.add(cell(row, reader)));
                        return new Grid(version, list);
                    });
        }).toCompletionStage();
    }

    /** Every stored version, newest first. */
    public CompletionStage<List<GridVersion>> versions() {
        return pool.query("SELECT version, imported_at, source, cell_count, current, warnings::text FROM grid_version "
                + "ORDER BY version DESC").execute().map(rows -> {
                    List<GridVersion> versions = new ArrayList<>();
                    rows.forEach(r -> versions.add(new GridVersion(r.getLong(0), r.getLong(1), r.getString(2),
                            r.getInteger(3), r.getBoolean(4), r.getString(5))));
                    return versions;
                }).toCompletionStage();
    }

    private static Future<Void> insertCells(SqlConnection connection, long version, List<Cell> cells) {
        if (cells.isEmpty()) {
            return Future.succeededFuture();
        }
        WKBWriter writer = new WKBWriter();
        List<Tuple> rows = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            CellAttributes a = c.attributes();
            rows.add(Tuple.from(new Object[] {version, c.code(), c.name(), c.level().wireName(), c.kind().wireName(),
                    c.parent(), Buffer.buffer(writer.write(c.geometry())), a.households(), a.population(),
                    a.workers().toArray(String[]::new), a.leader()}));
        }
        return connection.preparedQuery(INSERT_CELL).executeBatch(rows).mapEmpty();
    }

    private static Cell cell(Row row, WKBReader reader) {
        try {
            CellAttributes attributes = new CellAttributes(row.getInteger("households"), row.getInteger("population"),
                    List.of(row.getArrayOfStrings("workers")), row.getString("leader"));
            return new Cell(row.getString("code"), row.getString("name"), CellLevel.fromWire(row.getString("level")),
                    CellKind.fromWire(row.getString("kind")), row.getString("parent"),
                    reader.read(row.getBuffer("geometry").getBytes()), attributes);
        } catch (ParseException e) {
            throw new IllegalStateException("cell " + row.getString("code") + " has unreadable WKB", e);
        }
    }
}
