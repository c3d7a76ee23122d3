package city.gridcommand.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.CompletionException;

/**
 * A database connection of the test's own, apart from the service's pool, for doing to the database
 * what an operator or an outage would: lock a table, refuse connections, end sessions.
 */
public final class AdminConnection implements AutoCloseable {

    private final Pool pool;
    private final SqlConnection connection;

    private AdminConnection(Pool pool) {
        this.pool = pool;
        this.connection = await(pool.getConnection());
    }

    /** A connection to the service's own database. */
    public static AdminConnection open(Vertx vertx, String url, String user) {
        return new AdminConnection(pool(vertx, PgConnectOptions.fromUri(url).setUser(user)));
    }

    /** A connection to {@code template1} on the same server, to act on the service's database from outside. */
    public static AdminConnection outside(Vertx vertx, String url, String user) {
        return new AdminConnection(pool(vertx, PgConnectOptions.fromUri(url).setUser(user)
                .setDatabase("template1")));
    }

    public void sql(String statement) {
        await(connection.query(statement).execute());
    }

    @Override
    public void close() {
        await(connection.close());
        await(pool.close());
    }

    private static Pool pool(Vertx vertx, PgConnectOptions options) {
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
    }

    /** The result; a failure as the database gave it. */
    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
