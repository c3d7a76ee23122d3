/**
 * Who is calling: a signed-in person or machine account ({@link city.gridcommand.access.Caller}) with
 * their roles ({@link city.gridcommand.access.StaffRole}) and the cells they may see
 * ({@link city.gridcommand.access.CellScope}). Plain Java: the token is verified elsewhere
 * ({@code signin}); this package only says what a verified caller may reach.
 */
package city.gridcommand.access;
