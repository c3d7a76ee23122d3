package city.gridcommand.it.process;

import city.gridcommand.embedded.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database for tests that run the packaged service: the one GRID_DB_URL names (the machine's real
 * PostgreSQL in CI), or an embedded one started for the test.
 */
public final class ItDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final Optional<EmbeddedDatabase> embedded;

    private ItDatabase(String url, String user, Optional<EmbeddedDatabase> embedded) {
        this.url = url;
        this.user = user;
        this.embedded = embedded;
    }

    public static ItDatabase start(Path folder) {
        String configured = System.getenv("GRID_DB_URL");
        if (configured != null && !configured.isBlank()) {
            return new ItDatabase(configured, Optional.ofNullable(System.getenv("GRID_DB_USERNAME")).orElse("postgres"),
                    Optional.empty());
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(folder.toAbsolutePath(), 0);
        return new ItDatabase(database.url(), "postgres", Optional.of(database));
    }

    /** The reactive form, as the service's GRID_DB_URL takes it. */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public long count(String sql, Object... params) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Runs one statement that returns no rows (DDL, or a change the test makes to the database itself). */
    public void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row, as text, in the query's order. */
    public List<String> texts(String sql, Object... params) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:" + url, user, "");
    }

    @Override
    public void close() {
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
