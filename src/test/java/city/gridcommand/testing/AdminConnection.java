package city.gridcommand.testing;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A database connection of the test's own, apart from the service's pool, for doing to the database
 * what an operator or an outage would: lock a table, refuse connections, end sessions.
 */
public final class AdminConnection implements AutoCloseable {

    private final PgPool pool;
    private final SqlConnection connection;

    private AdminConnection(PgPool pool) {
        this.pool = pool;
        this.connection = pool.getConnection().await().indefinitely();
    }

    /** A connection to the service's own database. */
    public static AdminConnection open(Vertx vertx, String url, String user) {
        return new AdminConnection(PgPool.pool(vertx, PgConnectOptions.fromUri(url).setUser(user),
                new PoolOptions().setMaxSize(1)));
    }

    /** A connection to {@code template1} on the same server, to act on the service's database from outside. */
    public static AdminConnection outside(Vertx vertx, String url, String user) {
        return new AdminConnection(PgPool.pool(vertx, PgConnectOptions.fromUri(url).setUser(user)
                .setDatabase("template1"), new PoolOptions().setMaxSize(1)));
    }

    public void sql(String statement) {
        connection.query(statement).execute().await().indefinitely();
    }

    @Override
    public void close() {
        connection.close().await().indefinitely();
        pool.close().await().indefinitely();
    }
}
