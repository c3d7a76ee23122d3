package city.gridcommand.store;

import city.gridcommand.ingest.BatchStoreException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a failed batch write means for ingest: <b>transient</b> (the database cannot take any batch right
 * now, whatever its rows: hold it, retry with back-off, report {@code STALLED}) or <b>permanent</b> (this
 * batch cannot be written as it is: split it until the offending rows are found and dead-letter them).
 *
 * <p>Transient is the short list below, and any error that ended the session (severity FATAL or PANIC,
 * as every refused connection does); everything else is permanent, not only data exceptions (22),
 * integrity violations (23) and program limits (54): a PL/pgSQL {@code RAISE} (P0001), a missing privilege
 * or column (42), an internal error (XX), a bug that throws while one row is mapped. Calling one of those
 * transient would retry the same batch forever and, as PUBACKs leave in arrival order, hold back every
 * message behind it. Split, the good rows are stored and the bad ones wait as dead letters, with their
 * payload, to be replayed once the cause is fixed.
 */
final class WriteFailures {

    /**
     * SQLSTATEs, and SQLSTATE classes (two characters), that say the connection, the server or the
     * transaction failed, not the data: the same rows succeed once it passes.
     */
    static final Set<String> TRANSIENT = Set.of(
            "08", // connection exception: lost, refused, cannot connect
            "28", // invalid authorization: credentials rotated, pg_hba changed
            "3D", // the database does not exist (yet): being restored or renamed
            "53", // insufficient resources: disk full 53100, out of memory 53200, too many connections 53300
            "57", // operator intervention: statement timeout 57014, shutdown 57P01-57P03, database dropped 57P04
            "25006", // read-only transaction: a standby, or a primary demoted by a failover
            "25P03", // idle-in-transaction timeout ended the session
            "25P04", // transaction timeout ended the session
            "40001", // serialization failure
            "40003", // statement completion unknown: the connection broke during COMMIT
            "40P01", // deadlock detected
            "55006", // object in use
            "55P03", // lock not available (lock_timeout)
            "58000", // system error (the server's own, e.g. a failed fsync)
            "58030", // I/O error
            "72000"); // snapshot too old

    private WriteFailures() {
    }

    static BatchStoreException classify(Throwable error) {
        if (error instanceof PgException pg && pg.getSqlState() != null) {
            // FATAL and PANIC end the session (a refused connection among them, e.g. 55000 "database is not
            // currently accepting connections"): the rows were never the cause.
            boolean sessionEnded = "FATAL".equals(pg.getSeverity()) || "PANIC".equals(pg.getSeverity());
            return new BatchStoreException(pg.getMessage(), !sessionEnded && !isTransient(pg.getSqlState()), error);
        }
        return new BatchStoreException(String.valueOf(error.getMessage()), !connectionFailure(error), error);
    }

    static boolean isTransient(String sqlState) {
        return TRANSIENT.contains(sqlState) || sqlState.length() >= 2 && TRANSIENT.contains(sqlState.substring(0, 2));
    }

    /**
     * Whether a failure without a SQLSTATE came from the connection rather than from the rows: the network
     * ({@link IOException}), a timeout, or the SQL client's own plumbing, which reports a closed or
     * inactive connection and a pool timeout as bare Vert.x exceptions. A value that cannot be encoded
     * (JSON) or a bug while rows are mapped is the rows' doing.
     */
    private static boolean connectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EncodeException || cause instanceof DecodeException) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof VertxException
                    || cause instanceof NoStackTraceThrowable) {
                return true;
            }
        }
        return false;
    }
}
