package city.gridcommand.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The city rules shipped with the service ({@value #RESOURCE}), in force until an operator replaces them. */
public final class DefaultRules {

    public static final String RESOURCE = "/rules/default-rules.json";

    private DefaultRules() {
    }

    /** The default rule set; a default file that does not validate is a build defect, so it throws. */
    public static RuleSet load() {
        try (InputStream in = DefaultRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            RuleSetResult result = RuleSetParser.parse(in.readAllBytes());
            if (!result.accepted()) {
                throw new IllegalStateException(RESOURCE + " is refused: " + result.problems());
            }
            return result.ruleSet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
