package city.gridcommand.store;

import java.util.List;

/** One page of a keyset-paged listing: the items and the cursor of the next page (null at the end). */
public record Page<T>(List<T> items, String next) {

    /** {@code rows} fetched with limit + 1: the extra row only says there is more. */
    static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), key.apply(items.get(limit - 1)));
    }
}
