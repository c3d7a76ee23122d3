/**
 * The publish stage: committed event changes go to the one {@code EventChangeRelay}, which hands this
 * instance's own changes to whoever shows them: today {@code EventTopicPublisher}
 * ({@code grid/v1/events/{cellCode}}). {@code ChangeTail} follows the durable change log instead, so it
 * hands on every instance's changes in seq order (for live screens), woken by PostgreSQL notifications
 * ({@code ChangeNotifications}) and a poll. {@code LiveSignals} carries the worker positions and device
 * statuses ingest places to the live screens of every instance ({@code grid/v1/live/{cellCode}}).
 *
 * <p>Depends on {@code store} (the change's record, the change-log reader), {@code ingest} (the port
 * {@code PlacedSignals}) and {@code ingest.mqtt} (the broker settings).
 */
package city.gridcommand.live;
