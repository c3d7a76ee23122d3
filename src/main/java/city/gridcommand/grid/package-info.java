/**
 * Grid imports (parse, check, store as a new version, index, put in force) and the grid in force at
 * start: the stored one, or the demo city on a first embedded start ({@code GridService}).
 *
 * <p>Depends on {@code geo}, {@code locate}, {@code sim} and {@code store}.
 */
package city.gridcommand.grid;
