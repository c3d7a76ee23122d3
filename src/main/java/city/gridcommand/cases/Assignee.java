package city.gridcommand.cases;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who handles a case: a department, the leader of a cell (whoever leads it when the case arrives), or
 * one named person. Wire form, as in {@code "to"}: {@code dept-urban}, {@code leader:440305001002005},
 * {@code person:w-17}.
 */
public record Assignee(Kind kind, String id) {

    /** The three kinds of handler. */
    public enum Kind { DEPARTMENT, CELL_LEADER, PERSON }

    static final String DEPARTMENT_PREFIX = "dept-";
    static final String LEADER_PREFIX = "leader:";
    static final String PERSON_PREFIX = "person:";
    /** Department codes, cell codes and worker ids: letters, digits, '-', '_' and '.', at most 64. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Assignee {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Assignee department(String code) {
        return new Assignee(Kind.DEPARTMENT, code);
    }

    public static Assignee leaderOf(String cell) {
        return new Assignee(Kind.CELL_LEADER, cell);
    }

    public static Assignee person(String workerId) {
        return new Assignee(Kind.PERSON, workerId);
    }

    /** The assignee for a wire form, or null if it is not one. */
    public static Assignee parse(String wire) {
        if (wire == null) {
            return null;
        }
        if (wire.startsWith(DEPARTMENT_PREFIX) && ID.matcher(wire).matches()) {
            return department(wire);
        }
        if (wire.startsWith(LEADER_PREFIX)) {
            String cell = wire.substring(LEADER_PREFIX.length());
            return ID.matcher(cell).matches() ? leaderOf(cell) : null;
        }
        if (wire.startsWith(PERSON_PREFIX)) {
            String person = wire.substring(PERSON_PREFIX.length());
            return ID.matcher(person).matches() ? person(person) : null;
        }
        return null;
    }

    /** The wire form: the department code itself, {@code leader:<cell>} or {@code person:<id>}. */
    public String wire() {
        return switch (kind) {
            case DEPARTMENT -> id;
            case CELL_LEADER -> LEADER_PREFIX + id;
            case PERSON -> PERSON_PREFIX + id;
        };
    }

    @Override
    public String toString() {
        return wire();
    }
}
