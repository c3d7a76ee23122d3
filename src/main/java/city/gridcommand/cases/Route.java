package city.gridcommand.cases;

/**
 * Where a case goes: the level that answers for it, the centre at that level (the base cell, the street
 * or the district code), the handler to dispatch to (the cell's leader at cell level, the category's
 * department above) and the category's department.
 */
public record Route(CaseLevel level, String centre, Assignee assignee, String department) {
}
