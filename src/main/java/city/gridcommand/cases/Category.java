package city.gridcommand.cases;

import city.gridcommand.signal.Severity;
import java.util.Map;
import java.util.Objects;

/**
 * One event category (事件小类) of the catalogue: its code, top class, names, the department that
 * handles it, the level that answers for it at each severity, and whether escalation raises its
 * severity. Its step time limits live in the catalogue's {@link DeadlineTable}.
 *
 * @param code              English snake_case, as signals and reports carry it
 * @param classCode         the code of its {@link CategoryClass}
 * @param nameZh            Chinese name
 * @param nameEn            English name
 * @param department        the code of the {@link Department} that handles it
 * @param levels            which level answers for it at each severity (routing thresholds)
 * @param escalatesSeverity whether an overdue case of it rises in severity, or only in level
 */
public record Category(String code, String classCode, String nameZh, String nameEn, String department,
        Map<Severity, CaseLevel> levels, boolean escalatesSeverity) {

    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(department, "department");
        for (Severity severity : Severity.values()) {
            if (levels == null || levels.get(severity) == null) {
                throw new IllegalArgumentException("category " + code + " has no level for " + severity);
            }
        }
        levels = Map.copyOf(levels);
    }

    /** The level that answers for a case of this category at this severity. */
    public CaseLevel levelFor(Severity severity) {
        return levels.get(severity);
    }
}
