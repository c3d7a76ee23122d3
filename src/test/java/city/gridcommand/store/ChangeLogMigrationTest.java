package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import city.gridcommand.testing.Db;
import city.gridcommand.testing.GridTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V10 on a log that V3's identity column numbered: every row kept with its seq, new seqs above every seq
 * the identity gave out (one rolled back too), the changes before the oldest row kept counted as pruned.
 */
@QuarkusTest
@QuarkusTestResource(value = GridTestResource.class, restrictToAnnotatedClass = false)
class ChangeLogMigrationTest {

    private static final String ROW = "INSERT INTO event_change (event_id, cell, cell_path, type, at, body) VALUES "
            + "(gen_random_uuid(), '440305001002005', ARRAY['440305'], 'event.updated', 1, '{}')";

    @Inject
    Pool pool;

    @Test
    void theIdentityLogMovesToTheCounterWithoutLosingARow() throws SQLException {
        String database = "migration_" + UUID.randomUUID().toString().substring(0, 8);
        new Db(pool).execute("CREATE DATABASE " + database);
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class).replaceFirst("/[^/?]+(\\?|$)",
                "/" + database + "$1");
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        try {
            flyway(url, user, password, "8").migrate();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                for (int i = 0; i < 4; i++) {
                    s.execute(ROW);
                }
                s.execute("DELETE FROM event_change WHERE seq = 1"); // pruned
                c.setAutoCommit(false);
                s.execute(ROW); // seq 5, rolled back
                c.rollback();
                c.setAutoCommit(true);
            }

            flyway(url, user, password, "latest").migrate();

            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                assertThat(longs(s, "SELECT seq FROM event_change ORDER BY seq")).containsExactly(2L, 3L, 4L);
                assertThat(longs(s, "SELECT seq, pruned_through FROM change_log")).containsExactly(5L, 1L);
                assertThat(longs(s, "SELECT count(*) FROM change_log WHERE epoch IS NOT NULL")).containsExactly(1L);
                s.execute(ROW);
                assertThat(longs(s, "SELECT max(seq) FROM event_change")).as("a row without a seq gets the next one")
                        .containsExactly(6L);
                assertThat(longs(s, "SELECT seq FROM change_log")).containsExactly(6L);
            }
        } finally {
            new Db(pool).execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Flyway flyway(String url, String user, String password, String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target)
                .load();
    }

    /** The columns of every row, one after the other. */
    private static List<Long> longs(Statement s, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = s.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    values.add(rows.getLong(i));
                }
            }
        }
        return values;
    }
}
