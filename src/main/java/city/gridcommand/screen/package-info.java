/**
 * The live feed of command screens, {@code /ws/v1/live}: tickets ({@code POST /api/v1/live/tickets},
 * {@code LiveTickets}), the WebSocket adapter ({@code LiveEndpoint}), one connection's state and outbound
 * queue ({@code ScreenSession}, {@code OutboundQueue}), the snapshot ({@code SnapshotReader}) and the
 * fan-out of the change log's tail and of ingest's worker positions and device statuses to the screens of
 * their scope ({@code ScreenFeed}). And the signed-in person's alerts, {@code /ws/v1/alerts}: the WebSocket
 * adapter ({@code AlertsEndpoint}: the person's open alerts first, then each as it comes; acks), one
 * connection ({@code AlertSocket}) and the sockets of this instance by person ({@code AlertSockets}), fed by the
 * staff alerts topic every instance follows ({@code alerts.runtime.StaffAlertTopic}).
 *
 * <p>Depends on {@code api} (problem+json, the audit trail of a request), {@code signin} (who calls),
 * {@code live} (the tail), {@code store} (the change log, the snapshot's SQL), {@code audit} (a ticket
 * redeemed once), {@code ingest} (placed signals), {@code locate} (the grid in force), {@code alerts} (the
 * acks port), {@code alerts.runtime} (the staff alerts topic) and {@code access}.
 */
package city.gridcommand.screen;
