/**
 * The composition root: the launcher ({@code GridCommandMain}), the wiring that assembles the message path
 * from its stages ({@code *Wiring}), and the one start-up and shutdown sequence ({@code StartupSequence}).
 * Nothing else decides the order in which the service comes up.
 *
 * <p>May depend on every package; none depends on it.
 */
package city.gridcommand.app;
