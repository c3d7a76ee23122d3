package city.gridcommand.cases;

/** What {@link CaseWorkflow#apply} answers: an accepted {@link Transition} or a {@link Refusal}. */
public sealed interface TransitionResult permits Transition, Refusal {

    default boolean accepted() {
        return this instanceof Transition;
    }
}
