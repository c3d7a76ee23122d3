/**
 * The message path ({@code IngestPipeline}): decode ({@code TopicAddress}, {@code SignalDecoder}), admit
 * ({@code Admission}), locate ({@code Locator}), judge ({@code Judge}), write ({@code WriteBehind} batching
 * into a {@code BatchStore}, {@code DurableWrite} retrying outages and splitting refusals), with counters
 * and dead letters, and the replay of stored dead letters ({@code DeadLetterReplay} over the
 * {@code DeadLetterArchive} port). Plain Java: the stages it calls are small interfaces, assembled in
 * {@code app}.
 *
 * <p>Depends on {@code signal}, {@code event}, {@code locate} and {@code registry}; never on the adapters
 * ({@code ingest.mqtt}, {@code store}) that plug into it.
 */
package city.gridcommand.ingest;
