/**
 * Devices and workers: the records ({@code Device}, {@code Worker}) and the {@code SenderDirectory}, the
 * registry held in memory so the message path never asks the database (the admit stage's
 * {@code SenderRegistry}, the workers' assigned cells for the locate stage), reloaded from its
 * {@code RegistryStore}.
 *
 * <p>Depends on {@code signal} and {@code locate}.
 */
package city.gridcommand.registry;
