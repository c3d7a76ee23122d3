/**
 * The case workflow (案件), plain Java: the category catalogue, the seven steps (REPORTED → REGISTERED or
 * REFUSED → DISPATCHED → HANDLING → FEEDBACK → CLOSED or rework → EVALUATED) as a pure function
 * ({@code CaseWorkflow}), permissions by role, unit and cell scope, deadlines in working hours, escalation
 * and routing.
 *
 * <p>Depends on {@code signal}, {@code geo} and {@code access} (a signed-in caller becomes an {@code Actor}:
 * their roles, unit and cells).
 */
package city.gridcommand.cases;
