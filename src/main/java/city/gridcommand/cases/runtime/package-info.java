/**
 * The workflow over stored cases: how an event is opened ({@code CaseOpening}, the implementation of
 * {@code event.EventRaising}), one transition at a time ({@code CaseService}), and the durable deadline
 * timers ({@code DeadlineWatch}).
 *
 * <p>Depends on {@code cases}, {@code event} and {@code store}.
 */
package city.gridcommand.cases.runtime;
