package city.gridcommand.audit;

/**
 * A page request over the audit trail, newest first. Null fields do not filter.
 *
 * @param actor  only entries by this actor (token subject)
 * @param action only this action, e.g. {@value AuditEntry#CASE_TRANSITION}
 * @param target only entries about this target (a device id, an event UUID, a grid version…)
 * @param cell   only entries whose cell starts with this code: cell codes nest by prefix, so this is the
 *               cell and everything under it
 * @param from   at or after (epoch ms)
 * @param to     before (epoch ms)
 * @param before only ids below this cursor (the last id of the previous page)
 * @param limit  page size, at least 1
 */
public record AuditQuery(String actor, String action, String target, String cell, Long from, Long to, Long before,
        int limit) {

    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("an audit page holds at least one entry, not " + limit);
        }
    }

    /** The newest {@code limit} entries, unfiltered. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit);
    }
}
