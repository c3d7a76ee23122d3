/**
 * The rules at run time: the rule set in force and followed across instances ({@code RuleSets}), the
 * silence ticks ({@code RuleTicker}), and what the rules remember of senders across restarts and instances
 * ({@code SenderMemory}).
 *
 * <p>Depends on {@code rules}, {@code event}, {@code locate} and {@code store}.
 */
package city.gridcommand.rules.runtime;
