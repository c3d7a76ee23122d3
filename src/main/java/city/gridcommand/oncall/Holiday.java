package city.gridcommand.oncall;

import java.time.LocalDate;
import java.util.Objects;

/** A holiday: {@code person} is on call the whole {@code date} (midnight to midnight in the city), above the layers, below the overrides. */
public record Holiday(LocalDate date, String person) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(person, "person");
    }
}
