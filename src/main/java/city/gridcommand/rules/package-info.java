/**
 * The rules stage: typed rules ({@link city.gridcommand.rules.Rule}) turn placed signals, worker cell
 * changes and clock ticks into {@link city.gridcommand.event.EventTrigger}s, each saying "this cell has
 * (still) this kind of event". Plain Java: every evaluation is a static pure function over an explicit
 * state and an explicit {@code now}; {@link city.gridcommand.rules.RuleEngine} only holds the states.
 *
 * <p>Triggers are raised only in a base cell: a signal that is unplaced or outside the grid raises none,
 * except that silence and a last will are raised in the sender's last known cell, and a worker who
 * leaves the grid is raised in the last cell they were in. Rule sets are JSON
 * ({@link city.gridcommand.rules.RuleSetParser}); durations are ISO-8601 strings such as {@code "PT15M"}.
 * {@link city.gridcommand.rules.RuleJudge} is the judge stage of the message path.
 *
 * <p>Depends on {@code signal}, {@code geo}, {@code event} and {@code locate}.
 */
package city.gridcommand.rules;
