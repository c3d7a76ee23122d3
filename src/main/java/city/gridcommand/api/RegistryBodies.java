package city.gridcommand.api;

import city.gridcommand.geo.Grid;
import city.gridcommand.ingest.TopicAddress;
import city.gridcommand.registry.Device;
import city.gridcommand.registry.DeviceType;
import city.gridcommand.registry.Worker;
import city.gridcommand.registry.WorkerRole;
import city.gridcommand.signal.Position;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The request bodies of {@code /api/v1/devices} and {@code /api/v1/workers}, and their validation into
 * registry records: every refusal names the field.
 */
final class RegistryBodies {

    private static final int MAX_TEXT = 200;
    private static final Pattern CAPABILITY = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,32}");

    private RegistryBodies() {
    }

    /** A sensor or camera as the API takes it; {@code lat}/{@code lon} both or neither. */
    public record DeviceBody(String id, String type, String name, Double lat, Double lon, List<String> capabilities,
            String department, String gateway) {
    }

    /** A grid worker, leader or supervisor as the API takes it; {@code cells} are codes of the current grid. */
    public record WorkerBody(String id, String name, String role, List<String> cells, String department,
            String phone, String gateway) {
    }

    static Device device(String id, DeviceBody body) {
        requireBody(body);
        DeviceType type = DeviceType.fromWire(body.type());
        if (type == null) {
            throw ProblemException.badField("type", "'type' must be sensor or camera");
        }
        Position position = null;
        if (body.lat() != null || body.lon() != null) {
            position = position(body.lat(), body.lon());
        }
        List<String> capabilities = body.capabilities() == null ? List.of() : body.capabilities();
        for (int i = 0; i < capabilities.size(); i++) {
            String c = capabilities.get(i);
            if (c == null || !CAPABILITY.matcher(c).matches()) {
                throw ProblemException.badField("capabilities[" + i + "]",
                        "a capability is a metric name or detection kind of 1-64 characters of [a-z0-9_]");
            }
        }
        return new Device(id(id, body.id()), type, text("name", body.name()), position, capabilities,
                text("department", body.department()), gateway(body.gateway()));
    }

    static Worker worker(String id, WorkerBody body, Grid grid) {
        requireBody(body);
        WorkerRole role = body.role() == null ? WorkerRole.WORKER : WorkerRole.fromWire(body.role());
        if (role == null) {
            throw ProblemException.badField("role", "'role' must be worker, leader or supervisor");
        }
        List<String> cells = body.cells() == null ? List.of() : body.cells();
        for (int i = 0; i < cells.size(); i++) {
            String code = cells.get(i);
            if (code == null || grid.cell(code) == null) {
                throw ProblemException.badField("cells[" + i + "]", "'" + code + "' is not a cell of the current grid"
                        + (grid.size() == 0 ? " (no grid has been imported yet)" : ""));
            }
        }
        String phone = text("phone", body.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ProblemException.badField("phone", "'phone' must be digits, spaces, ( ) - and an optional leading +");
        }
        return new Worker(id(id, body.id()), text("name", body.name()), role, cells, text("department",
                body.department()), phone, gateway(body.gateway()));
    }

    /** The id from the path, or the body's when the path has none; they must agree when both are given. */
    private static String id(String pathId, String bodyId) {
        String id = pathId != null ? pathId : bodyId;
        if (id == null || !TopicAddress.isValidSenderId(id)) {
            throw ProblemException.badField("id", "'id' must be 1-" + TopicAddress.MAX_SENDER_ID_LENGTH
                    + " characters of [A-Za-z0-9._:-] (it is the sender's MQTT topic level)");
        }
        if (pathId != null && bodyId != null && !pathId.equals(bodyId)) {
            throw ProblemException.badField("id", "'id' in the body (" + bodyId + ") differs from the path (" + pathId + ")");
        }
        return id;
    }

    /** A gateway id is a topic level, as a sender id is ({@code grid/v1/gateways/{gateway}/…}); null: none. */
    private static String gateway(String gateway) {
        if (gateway != null && !TopicAddress.isValidSenderId(gateway)) {
            throw ProblemException.badField("gateway", "'gateway' must be 1-" + TopicAddress.MAX_SENDER_ID_LENGTH
                    + " characters of [A-Za-z0-9._:-] (it is the gateway's MQTT topic level)");
        }
        return gateway;
    }

    private static Position position(Double lat, Double lon) {
        if (lat == null || !Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw ProblemException.badField("lat", "'lat' must be a number in [-90, 90], given with 'lon'");
        }
        if (lon == null || !Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw ProblemException.badField("lon", "'lon' must be a number in [-180, 180], given with 'lat'");
        }
        return new Position(lat, lon);
    }

    private static String text(String field, String value) {
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT)) {
            throw ProblemException.badField(field, "'" + field + "' must be 1-" + MAX_TEXT + " characters when given");
        }
        return value;
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.badField("body", "a JSON object body is required");
        }
    }
}
