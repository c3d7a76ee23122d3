package city.gridcommand.cases.runtime;

import city.gridcommand.cases.Refusal;

/** A transition the workflow refused: 409 (not in this state), 403 (not this role) or 400 (a field). */
public final class CaseRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public CaseRefusedException(Refusal refusal) {
        super(refusal.reason());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
