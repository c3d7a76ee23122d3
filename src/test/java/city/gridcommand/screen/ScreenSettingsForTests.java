package city.gridcommand.screen;

import java.time.Duration;
import java.util.Optional;

/** The settings' defaults, with the ticket lifetime of a test. */
record ScreenSettingsForTests(Duration ticketLifetime) implements ScreenSettings {

    @Override
    public Optional<String> ticketSecret() {
        return Optional.empty();
    }

    @Override
    public int queueMessages() {
        return 2000;
    }

    @Override
    public long queueBytes() {
        return 4 << 20;
    }

    @Override
    public Duration workerWindow() {
        return Duration.ofMinutes(15);
    }

    @Override
    public Duration statsInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int catchUpPage() {
        return 500;
    }

    @Override
    public Duration deadAfter() {
        return Duration.ofSeconds(50);
    }
}
