/**
 * The case workflow (案件), plain Java: the category catalogue, the seven steps (REPORTED → REGISTERED or
 * REFUSED → DISPATCHED → HANDLING → FEEDBACK → CLOSED or rework → EVALUATED) as a pure function
 * ({@code CaseWorkflow}), permissions by role, deadlines in working hours, escalation and routing.
 *
 * <p>Depends on {@code signal} and {@code geo}.
 */
package city.gridcommand.cases;
