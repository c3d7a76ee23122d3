package city.gridcommand.cases;

import java.util.Locale;

/**
 * The timed steps of a case, each with its own deadline: register (立案), dispatch (派遣), handle
 * (处置: accept and feedback, one clock) and verify (核查). Wire name: lower case.
 */
public enum DeadlineStep {
    REGISTER, DISPATCH, HANDLE, VERIFY;

    /** The step running in a state, or null when none is (closed, final). */
    public static DeadlineStep of(CaseState state) {
        return switch (state) {
            case REPORTED -> REGISTER;
            case REGISTERED -> DISPATCH;
            case DISPATCHED, HANDLING -> HANDLE;
            case FEEDBACK -> VERIFY;
            case CLOSED, REFUSED, MERGED, CLEARED, EVALUATED -> null;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step for a wire name, or null if there is none. */
    public static DeadlineStep fromWire(String name) {
        for (DeadlineStep step : values()) {
            if (step.wireName().equals(name)) {
                return step;
            }
        }
        return null;
    }
}
