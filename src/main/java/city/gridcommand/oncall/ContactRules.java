package city.gridcommand.oncall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Contact preferences: what a person may choose ({@code terminal}, {@code browser}, {@code webhook:{name}};
 * ordered, no repeats) and what they get when they chose nothing: a registered grid worker (a person with a
 * terminal) {@code ["terminal","browser"]}, anyone else {@code ["browser"]}, no quiet hours.
 */
public final class ContactRules {

    public static final String TERMINAL = "terminal";
    public static final String BROWSER = "browser";
    public static final String WEBHOOK_PREFIX = "webhook:";
    private static final Pattern WEBHOOK_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private ContactRules() {
    }

    /** The preferences of someone who stored none. */
    public static ContactPreferences defaults(String personId, boolean registeredWorker) {
        return new ContactPreferences(personId, registeredWorker ? List.of(TERMINAL, BROWSER) : List.of(BROWSER), null);
    }

    /** What is wrong with these channels ({@code channels[i]}: …), empty when they may be stored. */
    public static List<ScheduleProblem> checkChannels(List<String> channels) {
        List<ScheduleProblem> errors = new ArrayList<>();
        if (channels == null || channels.isEmpty()) {
            errors.add(ScheduleProblem.error("channels", "at least one channel: terminal, browser or webhook:{name}"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            String c = channels.get(i);
            String path = "channels[" + i + "]";
            if (c == null || !(c.equals(TERMINAL) || c.equals(BROWSER)
                    || (c.startsWith(WEBHOOK_PREFIX) && WEBHOOK_NAME.matcher(c.substring(WEBHOOK_PREFIX.length())).matches()))) {
                errors.add(ScheduleProblem.error(path, "unknown channel '" + c + "': terminal, browser or webhook:{name} "
                        + "(name: lower-case letters, digits, '-', '_')"));
            } else if (!seen.add(c)) {
                errors.add(ScheduleProblem.error(path, "'" + c + "' is listed twice"));
            }
        }
        return errors;
    }
}
