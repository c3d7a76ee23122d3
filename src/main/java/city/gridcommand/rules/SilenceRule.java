package city.gridcommand.rules;

import city.gridcommand.event.SourceKind;
import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Raises once per silence episode for a sender of one of the {@code senders} kinds that has sent nothing
 * for {@code silentFor} (null: never by time alone), or, with {@code onOffline}, that reports itself
 * offline (its retained status or MQTT last will), in the order statuses arrive, not by their {@code ts}.
 * Any later message from the sender ends the episode.
 * A status counts as from the kind the sender's other messages have shown; {@code device} stands for
 * senders heard only through their status so far.
 */
public record SilenceRule(String id, String name, String description, String category, Severity severity,
        String department, boolean enabled, Set<SourceKind> senders, Duration silentFor, boolean onOffline)
        implements Rule {

    public static final String TYPE = "silence";

    public SilenceRule {
        Objects.requireNonNull(id, "id");
        senders = Set.copyOf(senders);
    }

    @Override
    public String type() {
        return TYPE;
    }

    public boolean watches(SourceKind kind) {
        return senders.contains(kind);
    }
}
