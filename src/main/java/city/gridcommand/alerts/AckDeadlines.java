package city.gridcommand.alerts;

import city.gridcommand.signal.Severity;
import java.time.Duration;
import java.util.Objects;

/** How long a person has to ack an alert, by severity (RED minutes, GREEN hours): a step's default wait. */
public record AckDeadlines(Duration red, Duration yellow, Duration green) {

    public AckDeadlines {
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(yellow, "yellow");
        Objects.requireNonNull(green, "green");
    }

    public Duration of(Severity severity) {
        return switch (severity) {
            case RED -> red;
            case YELLOW -> yellow;
            case GREEN -> green;
        };
    }
}
