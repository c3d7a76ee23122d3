/**
 * The audit trail, plain Java: an {@code AuditEntry} for every change made through the API (who, when, from
 * which address, what), the {@code AuditQuery} that pages them, and the port {@code AuditLog} that records
 * and reads them. Its implementation is {@code store.AuditRepository}; the REST resources record an entry
 * after each successful change, and {@code api.AuditResource} reads them for admins.
 *
 * <p>Depends on nothing. Plain Java.
 */
package city.gridcommand.audit;
