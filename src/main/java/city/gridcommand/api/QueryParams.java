package city.gridcommand.api;

/** Parses query parameters, refusing a bad one with a problem that names it. */
final class QueryParams {

    private QueryParams() {
    }

    static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, "'" + name + "' must be an integer (epoch milliseconds for times), not '"
                    + value + "'");
        }
    }

    static int limit(String value, int fallback, int max) {
        Long parsed = optionalLong("limit", value);
        if (parsed == null) {
            return fallback;
        }
        if (parsed < 1 || parsed > max) {
            throw ProblemException.badField("limit", "'limit' must be between 1 and " + max);
        }
        return parsed.intValue();
    }
}
