package city.gridcommand.store;

import city.gridcommand.ingest.RejectReason;

/**
 * A page request over dead letters, newest first.
 *
 * @param reason only this reason, or null for all
 * @param from   received at or after (epoch ms), or null
 * @param to     received before (epoch ms), or null
 * @param before only ids below this cursor (the last id of the previous page), or null
 * @param limit  page size
 */
public record DeadLetterQuery(RejectReason reason, Long from, Long to, Long before, int limit, String gateway) {
}
