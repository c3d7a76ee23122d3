/**
 * The REST doors ({@code /api/v1/...}) and their errors as {@code application/problem+json} naming the
 * field. Thin: parse, call a service or repository, map.
 *
 * <p>Depends on everything below it except {@code app}.
 */
package city.gridcommand.api;
