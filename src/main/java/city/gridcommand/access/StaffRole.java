package city.gridcommand.access;

import java.util.Locale;

/**
 * What a signed-in account is for, as its token's roles claim names it (lower case on the wire):
 * <ul>
 * <li>{@code admin}: the grid, the rules, the device and worker registry, dead letters, the audit trail;</li>
 * <li>{@code dispatcher} (调度员): registers, dispatches, verifies and closes cases in their centre's cells;</li>
 * <li>{@code supervisor} (监督员): verifies, closes, evaluates and escalates;</li>
 * <li>{@code handler}: a department's staff, accepting and answering the cases of their unit (the token's
 *     unit claim, a {@code dept-…} code);</li>
 * <li>{@code leader} (网格长): a community's leader, handling and reassigning the cases of their cells;</li>
 * <li>{@code worker} (网格员): a grid worker: their reports, their own position and alerts;</li>
 * <li>{@code screen}: a read-only live view on a command-centre wall;</li>
 * <li>{@code service}: a machine account (the 12345 hotline's gateway, webhooks, gateways).</li>
 * </ul>
 */
public enum StaffRole {
    ADMIN, DISPATCHER, SUPERVISOR, HANDLER, LEADER, WORKER, SCREEN, SERVICE;

    /** The names the REST resources' {@code @RolesAllowed} use: the wire names. */
    public static final String ADMIN_NAME = "admin";
    public static final String DISPATCHER_NAME = "dispatcher";
    public static final String SUPERVISOR_NAME = "supervisor";
    public static final String HANDLER_NAME = "handler";
    public static final String LEADER_NAME = "leader";
    public static final String WORKER_NAME = "worker";
    public static final String SCREEN_NAME = "screen";
    public static final String SERVICE_NAME = "service";

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a wire name, or null if there is none (a provider's other roles are ignored). */
    public static StaffRole fromWire(String name) {
        for (StaffRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
