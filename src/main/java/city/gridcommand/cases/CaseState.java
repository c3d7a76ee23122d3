package city.gridcommand.cases;

import java.util.Locale;

/**
 * Where a case (案卷) stands in the national digital city management workflow: reported (信息收集),
 * registered (立案) or refused (不予立案), dispatched (派遣), handling (处置), feedback given (反馈),
 * closed after verification (核查结案), evaluated (评价). A case merged into another is {@link #MERGED}; a
 * machine-raised case whose condition cleared before anyone registered it is {@link #CLEARED}.
 * The wire name is the upper-case constant name, as in contract section 3 ({@code "state":"REPORTED"}).
 */
public enum CaseState {
    REPORTED, REGISTERED, REFUSED, MERGED, CLEARED, DISPATCHED, HANDLING, FEEDBACK, CLOSED, EVALUATED;

    /** Whether nothing more can happen to the case: refused, merged, cleared or evaluated. */
    public boolean isFinal() {
        return this == REFUSED || this == MERGED || this == CLEARED || this == EVALUATED;
    }

    /**
     * Whether the case is still being worked (from reported to feedback): such a case has a running
     * step deadline and may be escalated. A closed case only waits for its evaluation.
     */
    public boolean isOpen() {
        return !isFinal() && this != CLOSED;
    }

    public String wireName() {
        return name();
    }

    /** The state for a wire name (case-insensitive), or null if there is none. */
    public static CaseState fromWire(String name) {
        if (name == null) {
            return null;
        }
        for (CaseState state : values()) {
            if (state.name().equals(name.toUpperCase(Locale.ROOT))) {
                return state;
            }
        }
        return null;
    }
}
