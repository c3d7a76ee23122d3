package city.gridcommand.signal;

import java.util.Locale;

/** The lower-case names under which enums travel in JSON, GeoJSON and SQL ({@code district}, {@code camera}, …). */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant with this wire name, or null if there is none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(name)) {
                return value;
            }
        }
        return null;
    }
}
