package city.gridcommand.audit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The audit trail: append-only, so there is no way here to change or remove an entry (the table refuses it
 * too). Record an entry once a change is durable: only successful changes are recorded.
 */
public interface AuditLog {

    /**
     * Appends one entry; completes once it is stored. Its {@code id} is ignored (the store assigns one) and a
     * null {@code at} means the database's clock. Fails as the store fails (the change it describes is
     * already made: the caller decides whether that fails its request).
     */
    CompletionStage<Void> record(AuditEntry entry);

    /**
     * Appends the entry unless one of the same action and target is stored already; true when this call
     * stored it. Of concurrent calls for one action and target, from any instance, exactly one stores it
     * (a use-once claim recorded in the trail, e.g. a redeemed ticket).
     */
    CompletionStage<Boolean> recordOnce(AuditEntry entry);

    /** A page of entries, newest first (by id), as the query filters them. */
    CompletionStage<List<AuditEntry>> page(AuditQuery query);

    /** One entry, or empty when there is none with this id. */
    CompletionStage<Optional<AuditEntry>> find(long id);
}
