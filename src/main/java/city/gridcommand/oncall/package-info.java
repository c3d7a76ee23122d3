/**
 * Who is on call (值班): schedules per department and cell subtree, made of layers of rotations (daily or
 * weekly shifts with hand-over times in the city's time zone), overrides and holidays; their validation
 * (errors, and the gaps of a schedule meant to cover every hour as warnings); the answer to "who is on call
 * for this cell and department at this time" ({@link city.gridcommand.oncall.OnCallLookup}); and each
 * person's contact preferences ({@link city.gridcommand.oncall.ContactBook}). Plain Java.
 */
package city.gridcommand.oncall;
