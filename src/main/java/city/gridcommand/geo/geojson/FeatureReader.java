package city.gridcommand.geo.geojson;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellAttributes;
import city.gridcommand.geo.CellFeature;
import city.gridcommand.geo.CellKind;
import city.gridcommand.geo.CellLevel;
import city.gridcommand.geo.GridProblem;
import city.gridcommand.geo.GridProblem.Type;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads one GeoJSON Feature into a cell, or adds a problem for each thing wrong with it (naming the
 * feature's position and, when it has a readable one, its code) and gives no cell. Unknown properties
 * are ignored: GIS tools add their own. One instance per feature.
 */
final class FeatureReader {

    static final int MAX_CODE = 32;
    static final int MAX_NAME = 200;
    static final int MAX_WORKER_ID = 64;
    static final int MAX_WORKERS = 1000;

    private final int feature;
    private final List<GridProblem> problems;
    private final int problemsBefore;
    private String code;

    FeatureReader(int feature, List<GridProblem> problems) {
        this.feature = feature;
        this.problems = problems;
        this.problemsBefore = problems.size();
    }

    /** The cell, or null when the feature has problems (all of them added). */
    CellFeature read(JsonNode node) {
        if (!node.isObject()) {
            problem(Type.INVALID_FEATURE, "a feature must be a JSON object");
            return null;
        }
        JsonNode properties = node.get("properties");
        code = properties != null && properties.path("code").isTextual()
                ? shortened(properties.get("code").textValue()) : null;
        if (!"Feature".equals(node.path("type").textValue())) {
            problem(Type.INVALID_FEATURE, "'type' must be \"Feature\"");
        }
        Geometry geometry = new GeometryReader(this::geometryProblem).read(node.get("geometry"));
        if (properties == null || !properties.isObject()) {
            problem(Type.INVALID_FEATURE, "a feature needs a 'properties' object");
            return null;
        }
        Cell cell = cell(properties, geometry);
        return problems.size() == problemsBefore ? new CellFeature(feature, cell) : null;
    }

    private Cell cell(JsonNode properties, Geometry geometry) {
        String codeValue = code(properties.get("code"));
        String name = text(properties, "name", MAX_NAME, true);
        CellLevel level = level(properties.get("level"));
        CellKind kind = kind(properties.get("kind"));
        String parent = text(properties, "parent", MAX_CODE, false);
        CellAttributes attributes = new CellAttributes(count(properties, "households"),
                count(properties, "population"), workers(properties.get("workers")),
                text(properties, "leader", MAX_WORKER_ID, false));
        return new Cell(codeValue, name, level, kind, parent, geometry, attributes);
    }

    private String code(JsonNode node) {
        if (absent(node)) {
            problem(Type.INVALID_FEATURE, "property 'code' is required");
        } else if (!node.isTextual()) {
            problem(Type.INVALID_FEATURE, "property 'code' must be a string of digits"
                    + (node.isNumber() ? " (a number would lose leading zeros)" : ""));
        } else {
            return checkedText("code", node.textValue(), MAX_CODE);
        }
        return null;
    }

    private CellLevel level(JsonNode node) {
        if (absent(node)) {
            problem(Type.INVALID_FEATURE, "property 'level' is required (district, street, community or grid)");
            return null;
        }
        CellLevel level = node.isTextual() ? CellLevel.fromWire(node.textValue()) : null;
        if (level == null) {
            problem(Type.INVALID_FEATURE,
                    "property 'level' must be district, street, community or grid, not " + shown(node));
        }
        return level;
    }

    private CellKind kind(JsonNode node) {
        if (absent(node)) {
            return CellKind.BASE;
        }
        CellKind kind = node.isTextual() ? CellKind.fromWire(node.textValue()) : null;
        if (kind == null) {
            problem(Type.INVALID_FEATURE, "property 'kind' must be base, special or overlay, not " + shown(node));
        }
        return kind;
    }

    private String text(JsonNode properties, String field, int maxLength, boolean required) {
        JsonNode node = properties.get(field);
        if (absent(node)) {
            if (required) {
                problem(Type.INVALID_FEATURE, "property '" + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            problem(Type.INVALID_FEATURE, "property '" + field + "' must be a string");
            return null;
        }
        return checkedText(field, node.textValue(), maxLength);
    }

    private String checkedText(String field, String value, int maxLength) {
        if (value.isBlank()) {
            problem(Type.INVALID_FEATURE, "property '" + field + "' must not be empty");
        } else if (value.length() > maxLength) {
            problem(Type.INVALID_FEATURE, "property '" + field + "' is longer than " + maxLength + " characters");
        }
        return value;
    }

    private Integer count(JsonNode properties, String field) {
        JsonNode node = properties.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            problem(Type.INVALID_FEATURE,
                    "property '" + field + "' must be a non-negative whole number, not " + shown(node));
            return null;
        }
        return node.intValue();
    }

    private List<String> workers(JsonNode node) {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_WORKERS) {
            problem(Type.INVALID_FEATURE, "property 'workers' must be an array of at most " + MAX_WORKERS
                    + " worker ids");
            return List.of();
        }
        List<String> workers = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode worker = node.get(i);
            String id = worker.isTextual() ? worker.textValue() : "";
            if (id.isBlank() || id.length() > MAX_WORKER_ID) {
                problem(Type.INVALID_FEATURE, "property 'workers', element " + i + " must be a worker id (a string of"
                        + " 1 to " + MAX_WORKER_ID + " characters), not " + shown(worker));
            } else {
                workers.add(id);
            }
        }
        return workers;
    }

    private void geometryProblem(String detail) {
        problem(Type.INVALID_GEOMETRY, detail);
    }

    private void problem(Type type, String detail) {
        problems.add(GridProblem.of(type, feature, code, detail));
    }

    /** A value as a detail shows it: never more than a short line, whatever the body holds. */
    static String shown(JsonNode node) {
        return shortened(node.toString());
    }

    private static String shortened(String text) {
        return text.length() <= MAX_CODE + 8 ? text : text.substring(0, MAX_CODE) + "…";
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
