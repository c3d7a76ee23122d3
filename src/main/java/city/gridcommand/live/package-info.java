/**
 * The publish stage: committed event changes go to the one {@code EventChangeRelay}, which hands them to
 * whoever shows them: today {@code EventTopicPublisher} ({@code grid/v1/events/{cellCode}}).
 *
 * <p>Depends on {@code store} (the change's record) and {@code ingest.mqtt} (the broker settings).
 */
package city.gridcommand.live;
