package city.gridcommand.screen;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The query of {@code /ws/v1/live}: {@code scope} (a cell code, required), {@code since} (a change-log
 * position), {@code epoch} (the log's epoch {@code since} belongs to) and {@code ticket}. {@code problem}
 * names the first parameter at fault, null when none is.
 */
record LiveQuery(String scope, Long since, String epoch, String ticket, String problem) {

    private static final Pattern CODE = Pattern.compile("[0-9]{1,32}");

    static LiveQuery parse(String query) {
        String scope = null;
        String since = null;
        String epoch = null;
        String ticket = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "scope" -> scope = value;
                    case "since" -> since = value;
                    case "epoch" -> epoch = value.isEmpty() ? null : value;
                    case "ticket" -> ticket = value;
                    default -> {
                        // other parameters are ignored
                    }
                }
            }
        }
        if (scope == null || scope.isEmpty()) {
            return new LiveQuery(null, null, epoch, ticket, "scope: a cell code is required");
        }
        if (!CODE.matcher(scope).matches()) {
            return new LiveQuery(null, null, epoch, ticket, "scope: '" + shorten(scope) + "' is not a cell code");
        }
        Long position = null;
        if (since != null) {
            try {
                position = Long.parseLong(since);
            } catch (NumberFormatException e) {
                position = -1L;
            }
            if (position < 0) {
                return new LiveQuery(scope, null, epoch, ticket, "since: '" + shorten(since)
                        + "' is not a change-log position (a number)");
            }
        }
        return new LiveQuery(scope, position, epoch, ticket, null);
    }

    private static String shorten(String value) {
        return value.length() > 32 ? value.substring(0, 32) + "…" : value;
    }
}
