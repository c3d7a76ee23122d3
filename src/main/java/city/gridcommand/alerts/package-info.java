/**
 * On-call alerts: escalation policies (ordered steps of whom to notify, with waits, repeated), the planner
 * that tells which event changes alert (a raise at or above the threshold, a severity increase, going
 * overdue, a reopen; never a signal merely joining), grouping of a burst in one cell, the chain's steps and
 * acknowledgements, the alert as sent, and the ports its channels and acknowledgements are reached by
 * ({@link city.gridcommand.alerts.AlertChannel}, {@link city.gridcommand.alerts.AlertAcks}). Plain Java.
 */
package city.gridcommand.alerts;
