package city.gridcommand.rules;

import city.gridcommand.event.EventTrigger;

/**
 * What one evaluation of a rule gives: the rule's next state for its key (null: nothing to keep) and
 * the trigger it raises (null: none). One input raises at most one trigger per rule.
 */
public record Outcome<S>(S state, EventTrigger trigger) {

    public static <S> Outcome<S> of(S state) {
        return new Outcome<>(state, null);
    }

    public boolean raised() {
        return trigger != null;
    }
}
