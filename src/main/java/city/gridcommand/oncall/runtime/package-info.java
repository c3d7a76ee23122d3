/**
 * On call at run time: the schedules in force ({@code OnCallSchedules}, the {@code OnCallLookup}: loaded at
 * start, swapped on a replacement, followed from the database for other instances' replacements) and the
 * contact preferences ({@code OnCallContacts}, the {@code ContactBook}: stored ones held in memory and
 * followed the same way, defaults for the others).
 *
 * <p>Depends on {@code oncall}, {@code cases} (the catalogue's departments), {@code locate} (the grid in force,
 * the city's time zone), {@code registry} (who has a terminal) and {@code store}.
 */
package city.gridcommand.oncall.runtime;
