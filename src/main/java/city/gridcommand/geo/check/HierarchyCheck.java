package city.gridcommand.geo.check;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.GridProblem.Type;
import city.gridcommand.geo.GridProblem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks the coding and the hierarchy: unique codes, codes of the level's length made of digits, each
 * code its parent's code plus 3 digits, the parent present, one level up and a base cell, and only a
 * district without a parent. Special and overlay cells follow the same rule under their parent.
 */
final class HierarchyCheck {

    /** Digits a cell adds to its parent's code. */
    static final int OWN_DIGITS = 3;

    private final ImportedCells index;
    private final Map<Integer, String> refused;
    private final Set<String> refusedCodes;
    private final List<GridProblem> errors;

    /**
     * @param refused codes of the features that could not be read, by feature number: they take part
     *        in the duplicate check, and a child of one is not told its parent is missing
     */
    HierarchyCheck(ImportedCells index, Map<Integer, String> refused, List<GridProblem> errors) {
        this.index = index;
        this.refused = refused;
        this.refusedCodes = new HashSet<>(refused.values());
        this.errors = errors;
    }

    void run() {
        duplicates();
        for (int i = 0; i < index.size(); i++) {
            codeShape(i);
            parent(i);
        }
    }

    private void duplicates() {
        Map<Integer, String> codes = new TreeMap<>(refused);
        for (int i = 0; i < index.size(); i++) {
            codes.put(index.feature(i), index.cell(i).code());
        }
        Map<String, Integer> first = new HashMap<>(codes.size() * 2);
        codes.forEach((feature, code) -> {
            Integer earlier = first.putIfAbsent(code, feature);
            if (earlier != null) {
                errors.add(GridProblem.of(Type.DUPLICATE_CODE, feature, code,
                        "code " + code + " is already used by feature " + earlier));
            }
        });
    }

    private void codeShape(int i) {
        Cell cell = index.cell(i);
        String code = cell.code();
        if (!digitsOnly(code)) {
            error(Type.CODE_MISMATCH, i, "code '" + code + "' must be made of digits only");
        } else if (code.length() != cell.level().codeLength()) {
            error(Type.CODE_MISMATCH, i, "a " + cell.level().wireName() + " code has "
                    + cell.level().codeLength() + " digits, " + code + " has " + code.length());
        }
    }

    private void parent(int i) {
        Cell cell = index.cell(i);
        String parent = cell.parent();
        if (cell.level() == CellLevel.DISTRICT) {
            if (parent != null) {
                error(Type.CODE_MISMATCH, i, "a district is a root and has no parent, but names " + parent);
            }
            return;
        }
        if (parent == null) {
            error(Type.MISSING_PARENT, i, "a " + cell.level().wireName() + " needs a parent");
            return;
        }
        if (cell.code().length() != parent.length() + OWN_DIGITS || !cell.code().startsWith(parent)) {
            error(Type.CODE_MISMATCH, i, "code " + cell.code() + " is not its parent " + parent
                    + "'s code followed by " + OWN_DIGITS + " digits");
        }
        Integer at = index.positionOf(parent);
        if (at == null) {
            if (!refusedCodes.contains(parent)) {
                error(Type.MISSING_PARENT, i, "parent " + parent + " is not in the import");
            }
            return;
        }
        parentFits(i, at);
    }

    private void parentFits(int i, int at) {
        Cell cell = index.cell(i);
        Cell parent = index.cell(at);
        CellLevel above = CellLevel.values()[cell.level().ordinal() - 1];
        if (parent.level() != above) {
            error(Type.CODE_MISMATCH, i, "parent " + index.describe(at) + " is a " + parent.level().wireName()
                    + "; a " + cell.level().wireName() + "'s parent must be a " + above.wireName());
        }
        if (parent.kind() != CellKind.BASE) {
            String article = parent.kind() == CellKind.OVERLAY ? "an " : "a ";
            error(Type.CODE_MISMATCH, i, "parent " + index.describe(at) + " is " + article + parent.kind().wireName()
                    + " cell; a parent must be a base cell");
        }
    }

    static boolean digitsOnly(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void error(Type type, int i, String detail) {
        errors.add(GridProblem.of(type, index.feature(i), index.cell(i).code(), detail));
    }

    /** Feature numbers and codes of the refused features named in reading problems. */
    static Map<Integer, String> refusedCodes(List<GridProblem> readingProblems) {
        Map<Integer, String> refused = new HashMap<>();
        for (GridProblem problem : readingProblems) {
            if (problem.feature() != null && problem.code() != null) {
                refused.putIfAbsent(problem.feature(), problem.code());
            }
        }
        return refused;
    }
}
