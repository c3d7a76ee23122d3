package city.gridcommand.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Checks the fields of a transition request against its action, so every bad request is answered
 * with the field at fault: {@code to} where an action needs a target and only there, a reason or
 * result in {@code note} where one is needed, {@code severity} only on register and escalate,
 * {@code score} only on evaluate, and sane sizes.
 */
final class RequestCheck {

    static final int MAX_NOTE = 2000;
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_ATTACHMENT = 2048;
    static final int MAX_CASE_ID = 64;

    private static final Set<CaseAction> NEED_TO = EnumSet.of(CaseAction.DISPATCH, CaseAction.REASSIGN,
            CaseAction.MERGE);
    private static final Set<CaseAction> NEED_NOTE = EnumSet.of(CaseAction.REFUSE, CaseAction.CLEAR, CaseAction.REWORK,
            CaseAction.SEND_BACK, CaseAction.FEEDBACK);
    private static final Set<CaseAction> TAKE_SEVERITY = EnumSet.of(CaseAction.REGISTER, CaseAction.ESCALATE);

    private final WorkflowPolicy policy;

    RequestCheck(WorkflowPolicy policy) {
        this.policy = policy;
    }

    /** The refusal for the first field at fault, or null when the request is well formed. */
    Refusal check(CaseSnapshot c, TransitionRequest r) {
        Refusal refusal = checkTo(c, r);
        if (refusal == null) {
            refusal = checkNote(r);
        }
        if (refusal == null) {
            refusal = checkAttachments(r);
        }
        if (refusal == null) {
            refusal = checkSeverity(c, r);
        }
        if (refusal == null) {
            refusal = checkScore(r);
        }
        return refusal;
    }

    private static Refusal checkTo(CaseSnapshot c, TransitionRequest r) {
        CaseAction action = r.action();
        if (!NEED_TO.contains(action)) {
            return r.to() == null ? null : Refusal.invalid("to", "'" + action.wireName() + "' takes no 'to'");
        }
        if (r.to() == null || r.to().isBlank()) {
            return Refusal.invalid("to", "'" + action.wireName() + "' needs 'to': "
                    + (action == CaseAction.MERGE ? "the case to merge into" : "dept-…, leader:<cell> or person:<id>"));
        }
        if (action == CaseAction.MERGE) {
            if (r.to().length() > MAX_CASE_ID) {
                return Refusal.invalid("to", "'to' is longer than " + MAX_CASE_ID + " characters");
            }
            return r.to().equals(c.id()) ? Refusal.invalid("to", "a case cannot be merged into itself") : null;
        }
        Assignee target = Assignee.parse(r.to());
        if (target == null) {
            return Refusal.invalid("to", "'to' must be dept-…, leader:<cell> or person:<id>, not '" + r.to() + "'");
        }
        if (action == CaseAction.REASSIGN && target.equals(c.assignee())) {
            return Refusal.invalid("to", "the case is already assigned to " + target.wire());
        }
        return null;
    }

    private static Refusal checkNote(TransitionRequest r) {
        if (r.note() != null && r.note().length() > MAX_NOTE) {
            return Refusal.invalid("note", "'note' is longer than " + MAX_NOTE + " characters");
        }
        if (NEED_NOTE.contains(r.action()) && (r.note() == null || r.note().isBlank())) {
            String what = r.action() == CaseAction.FEEDBACK ? "the handling result" : "a reason";
            return Refusal.invalid("note", "'" + r.action().wireName() + "' needs " + what + " in 'note'");
        }
        return null;
    }

    private Refusal checkAttachments(TransitionRequest r) {
        if (r.attachments().size() > MAX_ATTACHMENTS) {
            return Refusal.invalid("attachments", "at most " + MAX_ATTACHMENTS + " attachments");
        }
        for (String url : r.attachments()) {
            if (url == null || url.isBlank() || url.length() > MAX_ATTACHMENT) {
                return Refusal.invalid("attachments", "each attachment must be a URL of 1 to " + MAX_ATTACHMENT
                        + " characters");
            }
        }
        if (r.action() == CaseAction.FEEDBACK && policy.feedbackNeedsPhoto() && r.attachments().isEmpty()) {
            return Refusal.invalid("attachments", "feedback needs at least one photo of the result");
        }
        return null;
    }

    private static Refusal checkSeverity(CaseSnapshot c, TransitionRequest r) {
        if (r.severity() == null) {
            return null;
        }
        if (!TAKE_SEVERITY.contains(r.action())) {
            return Refusal.invalid("severity", "'" + r.action().wireName() + "' takes no 'severity'");
        }
        if (r.action() == CaseAction.ESCALATE && r.severity().compareTo(c.severity()) < 0) {
            return Refusal.invalid("severity", "escalation cannot lower the severity from " + c.severity());
        }
        return null;
    }

    private static Refusal checkScore(TransitionRequest r) {
        if (r.action() != CaseAction.EVALUATE) {
            return r.score() == null ? null : Refusal.invalid("score", "'" + r.action().wireName()
                    + "' takes no 'score'");
        }
        return Evaluation.parse(r.score()) != null ? null
                : Refusal.invalid("score", "'score' must be 1 to 5 or good, fair, poor");
    }
}
