/**
 * The alert engine over the stored change log: {@code AlertWatch} (every event change once across
 * instances, turned into alerts, recipients and deliveries in the transaction that moves its cursor),
 * {@code AlertTimers} (the chain's steps, grouped updates and due deliveries, {@code FOR UPDATE SKIP LOCKED}),
 * {@code AlertDeliveries} (each delivery through every {@code alerts.AlertChannel} that handles its channel,
 * retried with back-off, dead after the last try), {@code AlertAckService} (the {@code alerts.AlertAcks}
 * port), {@code TerminalChannel} (MQTT to a worker's terminal, or through the gateway it is registered behind:
 * {@code TerminalRoute}), the policies in force
 * ({@code AlertPolicies}) and whom a step notifies ({@code Recipients}).
 *
 * <p>Depends on {@code alerts}, {@code oncall}, {@code cases}, {@code registry}, {@code store}, {@code live}
 * (the change tail's wake-ups) and {@code ingest.mqtt} (the broker settings).
 */
package city.gridcommand.alerts.runtime;
