package city.gridcommand.oncall;

import java.util.List;

/**
 * How a person wants to be alerted: the channels in order of preference ({@code terminal}: MQTT to their
 * field terminal; {@code browser}: /ws/v1/alerts; {@code webhook:{name}}: a configured webhook, e.g. an SMS
 * gateway) and their quiet hours (null: none), when a GREEN alert waits.
 */
public record ContactPreferences(String personId, List<String> channels, QuietHours quietHours) {

    public ContactPreferences {
        channels = List.copyOf(channels);
    }
}
