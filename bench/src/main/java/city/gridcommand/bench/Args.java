package city.gridcommand.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --key=value} command-line options; unknown keys are refused so a typo never goes unnoticed. */
final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * Parses {@code args}; a bare {@code --flag} means {@code --flag=true}. Exits with status 2 and the
     * usage text on an unknown key, a malformed argument or {@code --help}.
     */
    static Args parse(String[] args, Set<String> known, String usage) {
        Args parsed = new Args();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.err.println(usage);
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                fail("not a --key=value option: " + arg, usage);
            }
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            if (!known.contains(key)) {
                fail("unknown option --" + key, usage);
            }
            parsed.values.put(key, value);
        }
        return parsed;
    }

    private static void fail(String message, String usage) {
        System.err.println("error: " + message);
        System.err.println(usage);
        System.exit(2);
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    long longValue(String key, long fallback) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got " + value);
        }
    }

    int intValue(String key, int fallback) {
        return Math.toIntExact(longValue(key, fallback));
    }

    double doubleValue(String key, double fallback) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got " + value);
        }
    }

    /** Formats a rate or duration with at most one decimal, the way every result line prints it. */
    static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
