package city.gridcommand.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.json.EncodeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failed writes are retried (transient) and which split the batch to dead-letter rows (permanent). */
class PgBatchStoreClassifyTest {

    private static boolean permanent(String sqlState) {
        return PgBatchStore.classify(new PgException("refused", "ERROR", sqlState, null)).permanent();
    }

    @ParameterizedTest(name = "{0} is retried")
    @ValueSource(strings = {
            "08000", "08001", "08003", "08006", "08P01", // connection lost, cannot connect, protocol
            "28000", "28P01", // authorization: credentials changed under us
            "3D000", // the database does not exist (yet)
            "40001", "40P01", "40003", // serialization failure, deadlock, completion unknown
            "53000", "53100", "53200", "53300", "53400", // resources: disk full, memory, connections
            "55P03", "55006", // lock timeout, object in use
            "57014", "57P01", "57P02", "57P03", "57P04", "57P05", // cancelled, shutdown, cannot connect now
            "25006", "25P03", "25P04", // read-only after a failover, session timeouts
            "58000", "58030", // system and I/O errors
            "72000"}) // snapshot too old
    void transientFailuresAreRetried(String sqlState) {
        assertThat(permanent(sqlState)).isFalse();
    }

    @ParameterizedTest(name = "{0} splits the batch")
    @ValueSource(strings = {
            "22001", "22003", "22P02", "22021", // data: too long, out of range, bad text, bad encoding
            "23505", "23502", "23514", // integrity: unique, not null, check (and no partition for the row)
            "54000", "54001", // program limits
            "P0001", "P0004", // PL/pgSQL RAISE, assertion: a trigger refusing a row
            "42501", "42P01", "42703", "42804", // privilege, missing table or column, type mismatch
            "0A000", "21000", "2BP01", "39000", "44000", // feature, cardinality, dependents, routines, check option
            "40000", "40002", // transaction rollback, integrity at commit: the rows'
            "25P02", "55000", "58P01", // aborted transaction, prerequisite state, missing file
            "XX000", "XX001", "XX002", // internal error, corruption
            "HV000", "F0000", "ZZZZZ"}) // FDW, configuration file, a code we have never seen
    void everyOtherFailureSplitsTheBatch(String sqlState) {
        assertThat(permanent(sqlState)).isTrue();
    }

    @Test
    void anErrorThatEndedTheSessionIsRetriedWhateverItsCode() {
        // ALTER DATABASE … ALLOW_CONNECTIONS false: "database is not currently accepting connections"
        assertThat(PgBatchStore.classify(new PgException("not accepting", "FATAL", "55000", null)).permanent())
                .isFalse();
        assertThat(PgBatchStore.classify(new PgException("panic", "PANIC", "XX000", null)).permanent()).isFalse();
        assertThat(permanent("55000")).as("the same code in a statement's ERROR").isTrue();
    }

    @Test
    void keepsTheDatabasesMessageForTheDeadLetter() {
        var failure = PgBatchStore.classify(new PgException("bad row 17", "ERROR", "P0001", null));
        assertThat(failure.getMessage()).contains("bad row 17").contains("P0001");
        assertThat(failure.getCause()).isInstanceOf(PgException.class);
    }

    @Test
    void connectionFailuresWithoutASqlStateAreRetried() {
        assertThat(PgBatchStore.classify(ClosedConnectionException.INSTANCE).permanent()).isFalse();
        assertThat(PgBatchStore.classify(new ConnectException("Connection refused")).permanent()).isFalse();
        assertThat(PgBatchStore.classify(new VertxException("Timeout waiting for connection", true)).permanent())
                .isFalse();
        assertThat(PgBatchStore.classify(new NoStackTraceThrowable("Connection is not active now")).permanent())
                .isFalse();
        assertThat(PgBatchStore.classify(new TimeoutException()).permanent()).isFalse();
        assertThat(PgBatchStore.classify(new RuntimeException("wrapped", new IOException("reset"))).permanent())
                .isFalse();
    }

    @Test
    void aRowThatCannotBeMappedOrEncodedSplitsTheBatch() {
        assertThat(PgBatchStore.classify(new NullPointerException("metrics")).permanent()).isTrue();
        assertThat(PgBatchStore.classify(new ClassCastException("not a Telemetry")).permanent()).isTrue();
        assertThat(PgBatchStore.classify(new EncodeException("not JSON")).permanent()).isTrue();
    }
}
