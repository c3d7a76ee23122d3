package city.gridcommand.rules;

import city.gridcommand.signal.Severity;

/**
 * One rule of a {@link RuleSet}: what it watches is up to its kind; what it raises is a trigger of
 * {@code category} with {@code severity}, for {@code department}. A disabled rule is kept but never
 * evaluated. {@code description} (may be null) says why the rule is set as it is.
 */
public sealed interface Rule permits ThresholdRule, DetectionRule, SilenceRule, WorkerRule, CompositeRule {

    String id();

    String name();

    String description();

    String category();

    Severity severity();

    String department();

    boolean enabled();

    /** The {@code type} discriminator of the rule's JSON form. */
    String type();
}
