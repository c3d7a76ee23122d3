package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.StaffRole;
import city.gridcommand.audit.AuditEntry;
import city.gridcommand.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Writes a change the caller made to the audit trail: who (the token's subject and roles), from which
 * address, what and on which thing and cell. Called by a resource once its change has succeeded (it is
 * then committed): an entry that cannot be written does not undo or fail the change, it is logged with
 * everything it would have held and counted in {@code grid.audit.failures}. Read the address on the
 * request's thread: call {@link #record} where the resource method starts its work or in its
 * continuation with the values taken before.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final AuditLog log;
    private final RoutingContext request;
    private final Counter failures;

    AuditTrail(AuditLog log, RoutingContext request, MeterRegistry registry) {
        this.log = log;
        this.request = request;
        this.failures = Counter.builder("grid.audit.failures")
                .description("audit entries that could not be written (each is in the service log)").register(registry);
    }

    /** Who and from where, read now, on the request's thread; {@link Who#record} writes the entry later. */
    public Who who(Caller caller) {
        SocketAddress remote = request.request().remoteAddress();
        return new Who(caller, remote == null ? null : remote.hostAddress());
    }

    /** The caller of a change and their address. */
    public final class Who {
        private final Caller caller;
        private final String address;

        private Who(Caller caller, String address) {
            this.caller = caller;
            this.address = address;
        }

        /** Records the change; completes when written or, if that failed, once the failure is logged. */
        public CompletionStage<Void> record(String action, String target, String cell, Map<String, ?> detail) {
            List<String> roles = caller.roles().stream().map(StaffRole::wireName).sorted().toList();
            AuditEntry entry;
            try {
                entry = AuditEntry.of(caller.subject(), roles, address, action, target, cell, detail);
            } catch (IllegalArgumentException e) {
                return failed(action, target, e);
            }
            return log.record(entry).exceptionallyCompose(e -> failed(action, target, e));
        }

        private CompletionStage<Void> failed(String action, String target, Throwable e) {
            failures.increment();
            LOG.errorf(e, "audit entry not written: %s by %s from %s on %s", action, caller.subject(), address, target);
            return CompletableFuture.completedFuture(null);
        }
    }
}
