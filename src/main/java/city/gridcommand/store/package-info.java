/**
 * PostgreSQL, SQL and mapping only: the batch write of the path ({@code PgBatchStore}, one multi-row
 * INSERT per feed, events raised or joined and logged in the same transaction), cases, the change log,
 * partitions, grid versions, the registry's tables, dead letters, the audit trail ({@code AuditLog}) and the
 * read queries of the API.
 *
 * <p>Depends on the records and ports below it ({@code signal}, {@code geo}, {@code event},
 * {@code locate}, {@code registry}, {@code audit}, {@code ingest}); decides nothing itself.
 */
package city.gridcommand.store;
