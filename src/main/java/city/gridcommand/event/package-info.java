/**
 * Events (事件) as they are raised from signals: a rule's {@code EventTrigger} (with its
 * {@code TriggerSource}), and the port {@code EventRaising} that decides how a trigger, a worker report
 * or a hotline call becomes an {@code EventRaise}: the one write that raises an event in a base cell or
 * joins the open event of its (cell, category). Its implementation is {@code cases.runtime.CaseOpening}.
 *
 * <p>Depends on {@code signal} and {@code geo}. Plain Java.
 */
package city.gridcommand.event;
