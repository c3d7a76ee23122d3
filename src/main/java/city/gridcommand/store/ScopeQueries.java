package city.gridcommand.store;

import java.util.List;

/**
 * The SQL the live screen's snapshot ({@link ScreenSnapshotRepository}) and the scope's figures
 * ({@link ScopeStatsRepository}) share, so that both count workers and devices alike. {@code $1} is the
 * scope as a LIKE prefix ({@link #prefix}).
 */
final class ScopeQueries {

    /**
     * The latest position of every worker heard since {@code $2}, kept when it lies in the scope (a worker
     * who moved out of it is not shown at an old place, nor counted there).
     */
    static final String LATEST_POSITIONS = """
            SELECT worker_id, lat, lon, cell, ts FROM (
                SELECT DISTINCT ON (worker_id) worker_id, lat, lon, cell, ts FROM worker_position
                WHERE ts >= $2 ORDER BY worker_id, ts DESC, seq DESC) latest
            WHERE cell LIKE $1""";

    /** How many workers {@link #LATEST_POSITIONS} places in the scope. */
    static final String ON_DUTY = "SELECT count(*) AS n FROM (" + LATEST_POSITIONS + ") workers";

    /**
     * A device's online state is its latest status by arrival, as for {@code /devices/{id}/latest}; a
     * status's cell is its device's (devices do not move), so the scope's statuses are found first.
     */
    static final String DEVICES = """
            SELECT count(*) FILTER (WHERE online) AS online, count(*) FILTER (WHERE NOT online) AS offline FROM (
                SELECT DISTINCT ON (device_id) online FROM device_status WHERE cell LIKE $1
                ORDER BY device_id, received_at DESC, ts DESC) latest""";

    private ScopeQueries() {
    }

    /** The LIKE pattern of a scope: the cell and everything under it; null, the whole city. */
    static String prefix(String scope) {
        return scope == null ? "%" : EventRepository.prefixPatterns(List.of(scope))[0];
    }
}
