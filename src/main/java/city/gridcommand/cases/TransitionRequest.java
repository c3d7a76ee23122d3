package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One request to move a case, as {@code POST /api/v1/events/{id}/transitions} carries it
 * ({@code {"action":"dispatch","to":"dept-urban","note":"…","attachments":["https://…"]}}) plus who
 * asks, from their token. Which fields an action needs or refuses is {@link CaseWorkflow}'s Javadoc.
 *
 * @param action      what to do
 * @param actor       who asks: their roles (the workflow picks the one they act in), unit and cells
 * @param to          dispatch/reassign: an {@link Assignee} wire form; merge: the case to merge into
 * @param note        the reason (refuse, rework, send back), the result (feedback) or a remark
 * @param attachments photo URLs
 * @param severity    register: the severity the dispatcher sets; escalate: the severity asked for
 * @param score       evaluate: {@code 1}–{@code 5} or {@code good}/{@code fair}/{@code poor}
 */
public record TransitionRequest(CaseAction action, Actor actor, String to, String note, List<String> attachments,
        Severity severity, String score) {

    public TransitionRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        // Copied without List.copyOf, which throws on a null element: a JSON [null] must reach the
        // field check and be answered 400, not fail here.
        attachments = attachments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(attachments));
    }

    /** A request with only an action, an actor and an optional note. */
    public static TransitionRequest of(CaseAction action, Actor actor, String note) {
        return new TransitionRequest(action, actor, null, note, List.of(), null, null);
    }

    public TransitionRequest withTo(String target) {
        return new TransitionRequest(action, actor, target, note, attachments, severity, score);
    }

    public TransitionRequest withAttachments(List<String> photos) {
        return new TransitionRequest(action, actor, to, note, photos, severity, score);
    }

    public TransitionRequest withSeverity(Severity value) {
        return new TransitionRequest(action, actor, to, note, attachments, value, score);
    }

    public TransitionRequest withScore(String value) {
        return new TransitionRequest(action, actor, to, note, attachments, severity, value);
    }
}
