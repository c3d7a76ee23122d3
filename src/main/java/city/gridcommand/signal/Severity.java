package city.gridcommand.signal;

/** The three-colour severity scheme (三色预警) of the national grid-management workflow. */
public enum Severity {
    GREEN, YELLOW, RED
}
