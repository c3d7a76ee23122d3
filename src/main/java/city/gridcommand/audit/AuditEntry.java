package city.gridcommand.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One change recorded in the audit trail: who made it ({@code actor}, the token's subject, and the token's
 * {@code roles}), when ({@code at}), from which {@code address}, and what ({@code action}, the {@code target}
 * acted on, the {@code cell} concerned, and a {@code detail} of the change). Only successful changes are
 * recorded. Entries are never changed once stored.
 *
 * <p>{@code detail} is a JSON object held as plain Java, so that this package needs no JSON library: its
 * values are text, numbers, booleans, null, maps with text keys and lists of the same. It is copied and
 * checked here, so an entry that was built can always be stored; anything else is refused with the path of
 * the value at fault. Read back from the store, numbers come as the JSON parser makes them ({@code Integer},
 * {@code Long}, {@code Double}…).
 *
 * @param id      assigned by the store; null before the entry is stored
 * @param at      when (epoch ms); null before it is stored means the database's clock at the insert
 * @param actor   the token's subject (required); {@value #SYSTEM} for the service's own changes
 * @param roles   the token's roles at the time (never null, may be empty)
 * @param address the client's IP address, or null when unknown
 * @param action  what was done (required), one of the constants below or another dotted lower-case name
 * @param target  the id acted on (a device id, an event UUID, a grid version…), or null
 * @param cell    the code of the cell concerned, or null
 * @param detail  what changed, as the action describes it (never null, may be empty)
 */
public record AuditEntry(Long id, Long at, String actor, List<String> roles, String address, String action,
        String target, String cell, Map<String, Object> detail) {

    /** A grid imported ({@code PUT /api/v1/grids}); target: the new grid version. */
    public static final String GRID_IMPORT = "grid.import";
    /** The rule set replaced ({@code PUT /api/v1/rules}). */
    public static final String RULES_REPLACE = "rules.replace";
    /** A device created or replaced; target: its id. */
    public static final String DEVICE_PUT = "device.put";
    /** A device removed; target: its id. */
    public static final String DEVICE_DELETE = "device.delete";
    /** A worker created or replaced; target: their id. */
    public static final String WORKER_PUT = "worker.put";
    /** A worker removed; target: their id. */
    public static final String WORKER_DELETE = "worker.delete";
    /** A case raised or joined from the hotline or a dispatcher ({@code POST /api/v1/events}); target: the event. */
    public static final String CASE_CREATE = "case.create";
    /** One workflow step of a case; target: the event. */
    public static final String CASE_TRANSITION = "case.transition";
    /** Dead letters replayed through the message path. */
    public static final String DEADLETTERS_REPLAY = "deadletters.replay";
    /** A sign-in. */
    public static final String AUTH_LOGIN = "auth.login";
    /** A ticket for the live feed issued ({@code POST /api/v1/live/tickets}); target: the ticket's id. */
    public static final String LIVE_TICKET = "live.ticket";
    /**
     * A live-feed ticket redeemed: a screen opened with it; target: the ticket's id, cell: the screen's
     * scope. Stored once per ticket whatever the instance, which is what makes a ticket single-use.
     */
    public static final String LIVE_REDEEM = "live.redeem";
    /** The on-call schedules replaced ({@code PUT /api/v1/oncall/schedules}); target: the new version. */
    public static final String ONCALL_SCHEDULES_REPLACE = "oncall.schedules.replace";
    /** A person's contact preferences stored ({@code PUT /api/v1/oncall/people/{id}}); target: the person. */
    public static final String ONCALL_CONTACT_PUT = "oncall.contact.put";

    /** The escalation policies replaced ({@code PUT /api/v1/alerts/policies}). */
    public static final String ALERT_POLICIES_REPLACE = "alerts.policies.replace";
    /** An alert acknowledged over REST ({@code POST /api/v1/alerts/{id}/ack}); target: the alert. */
    public static final String ALERT_ACK = "alert.ack";

    /** Every action named above, in that order. */
    public static final List<String> ACTIONS = List.of(GRID_IMPORT, RULES_REPLACE, DEVICE_PUT, DEVICE_DELETE,
            WORKER_PUT, WORKER_DELETE, CASE_CREATE, CASE_TRANSITION, DEADLETTERS_REPLAY, AUTH_LOGIN, LIVE_TICKET,
            LIVE_REDEEM, ONCALL_SCHEDULES_REPLACE, ONCALL_CONTACT_PUT, ALERT_POLICIES_REPLACE, ALERT_ACK);

    /** The actor of changes the service makes on its own. */
    public static final String SYSTEM = "system";

    public AuditEntry {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs its actor (the token's subject)");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs its action");
        }
        if (roles == null) {
            roles = List.of();
        } else {
            for (String role : roles) { // not contains(null): immutable lists refuse to be asked
                if (role == null) {
                    throw new IllegalArgumentException("an audit entry's roles cannot hold null");
                }
            }
            roles = List.copyOf(roles);
        }
        detail = detail == null ? Map.of() : object("detail", detail);
    }

    /** An entry to record now: no id yet, stamped with the database's clock when stored. */
    @SuppressWarnings("unchecked") // the constructor copies it, checking every value
    public static AuditEntry of(String actor, List<String> roles, String address, String action, String target,
            String cell, Map<String, ?> detail) {
        return new AuditEntry(null, null, actor, roles, address, action, target, cell,
                (Map<String, Object>) detail);
    }

    private static Map<String, Object> object(String path, Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + " has a key that is not text: " + e.getKey());
            }
            copy.put(key, value(path + "." + key, e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object value(String path, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + " is " + d + ", which JSON cannot hold");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return object(path, map);
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            int i = 0;
            for (Object item : items) {
                copy.add(value(path + "[" + i++ + "]", item));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " is a " + value.getClass().getName() + ": a detail holds only "
                + "text, numbers, booleans, null, maps with text keys and lists (an enum as its name, a time as "
                + "epoch ms)");
    }
}
