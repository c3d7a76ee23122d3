/**
 * The MQTT 5 subscriber that feeds the pipeline, on Netty: frame decoder, packets, the PUBACK outbox
 * (acknowledgements after the commit, in arrival order), the in-flight limit (stops reading at capacity,
 * in messages or bytes), the session on each socket with its deadlines and subscription, reconnection
 * with back-off, its connections' lifecycle, the {@code ingest} health group, the liveness check and
 * metrics.
 *
 * <p>Depends on {@code ingest} and {@code signal}.
 */
package city.gridcommand.ingest.mqtt;
