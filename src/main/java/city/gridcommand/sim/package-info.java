/**
 * The demo city (cells, devices and people generated from a seed, {@code DemoCity}) and the simulator
 * that publishes its life over MQTT ({@code SimulateCommand}). Plain Java; starts nothing of the service.
 *
 * <p>Depends on {@code signal}, {@code geo} and {@code registry}.
 */
package city.gridcommand.sim;
