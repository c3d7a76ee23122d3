package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.Authenticated;
import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.check.GeometryRepair;
import city.gridcommand.geo.geojson.GeoJsonGridWriter;
import city.gridcommand.grid.GridImported;
import city.gridcommand.grid.GridPreview;
import city.gridcommand.grid.CellDisplay;
import city.gridcommand.grid.GridService;
import city.gridcommand.locate.LiveGrid;
import city.gridcommand.store.GridRepository;
import city.gridcommand.store.GridRepository.GridVersion;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/grids}: import the grid (GeoJSON, all or nothing; invalid polygons repaired on request;
 * previewed without storing on request), export it, one cell with its children, a cell's children drawn
 * for a map, the stored versions, and locate a point.
 */
@Path("/api/v1/grids")
public class GridResource {

    static final String GEO_JSON = "application/geo+json";
    /** Map zoom levels a screen may ask for (Leaflet's and web maps' 0 to 22). */
    static final int MAX_ZOOM = 22;
    /** The largest simplification tolerance, in degrees (about 11 km): beyond it a city is a blot. */
    static final double MAX_TOLERANCE = 0.1;
    /** Without {@code zoom} or {@code tolerance}: about a metre, what a street-level view cannot show. */
    static final double DEFAULT_TOLERANCE = 0.00001;

    /** A cell as GeoJSON Feature, its path from the root and its children's codes. */
    public record CellView(ObjectNode feature, List<String> path, List<String> children) {
    }

    /**
     * Where a point lies: {@code cells} base cell first, then its ancestors, then special and overlay
     * cells (the contract's order); {@code outside} when it is in no base cell.
     */
    public record LocateView(double lat, double lon, long gridVersion, boolean outside, String baseCell,
            List<String> path, List<String> special, List<String> overlay, List<String> cells) {
    }

    /** An import now in force: its version and cells, the warnings (gaps) and what was repaired. */
    public record ImportView(long version, int cells, List<GridProblemView> warnings, List<GeometryRepair> repairs) {

        static ImportView of(GridImported imported) {
            return new ImportView(imported.version(), imported.cells(), GridProblemView.all(imported.warnings()),
                    imported.repairs());
        }
    }

    /**
     * What an import would do ({@code dryRun=true}), nothing stored: whether it would be accepted, every
     * problem, the features {@code repair=true} could repair, and what was or would be repaired.
     */
    public record PreviewView(boolean dryRun, boolean accepted, int cells, List<GridProblemView> errors,
            List<GridProblemView> warnings, List<Integer> repairable, List<GeometryRepair> repairs) {

        static PreviewView of(GridPreview preview) {
            return new PreviewView(true, preview.accepted(), preview.cells(),
                    GridProblemView.all(preview.report().errors()), GridProblemView.all(preview.report().warnings()),
                    preview.report().repairable(), preview.repairs());
        }
    }

    private final GridService service;
    private final GridRepository repository;
    private final LiveGrid liveGrid;
    private final CellDisplay display;
    private final Callers callers;
    private final AuditTrail audit;
    private final GeoJsonGridWriter writer = new GeoJsonGridWriter();

    GridResource(GridService service, GridRepository repository, LiveGrid liveGrid, CellDisplay display,
            Callers callers, AuditTrail audit) {
        this.service = service;
        this.repository = repository;
        this.liveGrid = liveGrid;
        this.display = display;
        this.callers = callers;
        this.audit = audit;
    }

    /**
     * Replaces the grid with a FeatureCollection ({@link ImportView}); 422 naming every offending feature,
     * nothing changed. {@code repair=true} repairs invalid polygons first; {@code dryRun=true} answers
     * what the import would do ({@link PreviewView}) and stores nothing. The grid is the whole city's: only
     * an admin whose token covers all of it ({@code *}) imports or previews one.
     */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @PUT
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> replace(byte[] body, @QueryParam("repair") String repair,
            @QueryParam("dryRun") String dryRun) {
        Caller caller = callers.current();
        WholeCity.require(caller, "the grid's cells");
        AuditTrail.Who who = audit.who(caller);
        boolean repairAsked = flag("repair", repair);
        if (flag("dryRun", dryRun)) {
            return CompletableFuture.completedFuture(Response.ok(PreviewView.of(service.preview(body, repairAsked))).build());
        }
        GridImported imported = service.importGrid(body, repairAsked);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cells", imported.cells());
        detail.put("warnings", imported.warnings().size());
        detail.put("repairs", imported.repairs().size());
        detail.put("repair", repairAsked);
        detail.put("repaired", !imported.repairs().isEmpty());
        return who.record(AuditEntry.GRID_IMPORT, String.valueOf(imported.version()), null, detail)
                .thenApply(v -> Response.ok(ImportView.of(imported)).build());
    }

    /**
     * The current grid as a FeatureCollection (with a top-level {@code version}); megabytes for a big city,
     * so streamed as it is written (at 100,000 cells a body built in memory first took more than the heap
     * a 512 MiB service had left).
     */
    @Authenticated
    @GET
    @Blocking
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    public StreamingOutput export() {
        Grid grid = liveGrid.snapshot().grid();
        return out -> writer.write(grid.version(), grid.cells(), out);
    }

    @Authenticated
    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<List<GridVersion>> versions() {
        return repository.versions();
    }

    @Authenticated
    @GET
    @Path("/locate")
    @Produces(MediaType.APPLICATION_JSON)
    public LocateView locate(@QueryParam("lat") String lat, @QueryParam("lon") String lon) {
        double latitude = coordinate("lat", lat, 90);
        double longitude = coordinate("lon", lon, 180);
        LiveGrid.Snapshot now = liveGrid.snapshot();
        CellLocation at = now.map().locate(latitude, longitude);
        return new LocateView(latitude, longitude, now.grid().version(), at.outside(), at.baseCell(), at.path(),
                at.special(), at.overlay(), at.cellsBaseFirst());
    }

    @Authenticated
    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public CellView cell(@PathParam("code") String code) {
        Grid grid = liveGrid.snapshot().grid();
        Cell cell = grid.cell(code);
        if (cell == null) {
            throw ProblemException.notFound("no cell '" + code + "' in grid version " + grid.version());
        }
        return new CellView(writer.featureNode(cell), grid.path(code),
                grid.children(code).stream().map(Cell::code).toList());
    }

    /**
     * The cell's children only, as a FeatureCollection for a map: properties {@code code}, {@code name},
     * {@code level}, {@code kind}, {@code childCount}; geometry simplified at {@code tolerance} degrees, or at
     * one screen pixel of map {@code zoom} (0-22: 360 / (256 x 2^zoom) degrees); kept per grid version, cell
     * and tolerance ({@link CellDisplay}). A leaf cell has none. The grid is the city's map, readable by any
     * signed-in caller, like {@code GET /{code}}.
     */
    @Authenticated
    @GET
    @Blocking
    @Path("/{code}/children")
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    public byte[] children(@PathParam("code") String code, @QueryParam("zoom") String zoom,
            @QueryParam("tolerance") String tolerance) {
        double degrees = tolerance(zoom, tolerance);
        return display.children(code, degrees).orElseThrow(() -> ProblemException.notFound("no cell '" + code
                + "' in grid version " + liveGrid.snapshot().grid().version()));
    }

    /** The simplification tolerance in degrees from {@code zoom} or {@code tolerance} (not both). */
    static double tolerance(String zoom, String tolerance) {
        boolean byZoom = zoom != null && !zoom.isBlank();
        boolean byTolerance = tolerance != null && !tolerance.isBlank();
        if (byZoom && byTolerance) {
            throw ProblemException.badField("tolerance", "give 'zoom' or 'tolerance', not both");
        }
        if (byZoom) {
            int level;
            try {
                level = Integer.parseInt(zoom.trim());
            } catch (NumberFormatException e) {
                level = -1;
            }
            if (level < 0 || level > MAX_ZOOM) {
                throw ProblemException.badField("zoom", "'zoom' must be an integer from 0 to " + MAX_ZOOM);
            }
            return 360.0 / (256.0 * Math.pow(2, level));
        }
        if (byTolerance) {
            try {
                double degrees = Double.parseDouble(tolerance.trim());
                if (Double.isFinite(degrees) && degrees >= 0 && degrees <= MAX_TOLERANCE) {
                    return degrees;
                }
            } catch (NumberFormatException e) {
                // refused below, naming the field
            }
            throw ProblemException.badField("tolerance", "'tolerance' must be a number of degrees from 0 to "
                    + MAX_TOLERANCE);
        }
        return DEFAULT_TOLERANCE;
    }

    /** A query flag: absent or {@code false} is false, {@code true} is true, anything else is refused. */
    private static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.badField(name, "'" + name + "' must be true or false");
    }

    private static double coordinate(String name, String value, double bound) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(name, "'" + name + "' is required");
        }
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v) && v >= -bound && v <= bound) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the field
        }
        throw ProblemException.badField(name, "'" + name + "' must be a number in [-" + bound + ", " + bound + "]");
    }
}
