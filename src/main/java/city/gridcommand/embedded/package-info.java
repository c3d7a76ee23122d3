/**
 * The embedded broker (HiveMQ CE) and database (zonky PostgreSQL) started when none is configured, and the
 * settings that decide it ({@code BootstrapSettings}).
 *
 * <p>Depends on nothing of the project.
 */
package city.gridcommand.embedded;
