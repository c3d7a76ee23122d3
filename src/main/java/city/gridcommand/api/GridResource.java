package city.gridcommand.api;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.geojson.GeoJsonGridWriter;
import city.gridcommand.grid.GridImported;
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
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code /api/v1/grids}: import the grid (GeoJSON, all or nothing), export it, one cell with its
 * children, the stored versions, and locate a point.
 */
@Path("/api/v1/grids")
public class GridResource {

    static final String GEO_JSON = "application/geo+json";

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

    private final GridService service;
    private final GridRepository repository;
    private final LiveGrid liveGrid;
    private final GeoJsonGridWriter writer = new GeoJsonGridWriter();

    GridResource(GridService service, GridRepository repository, LiveGrid liveGrid) {
        this.service = service;
        this.repository = repository;
        this.liveGrid = liveGrid;
    }

    /** Replaces the grid with a FeatureCollection; 422 naming every offending feature, nothing changed. */
    @PUT
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public GridImported replace(byte[] body) {
        return service.importGrid(body);
    }

    /** The current grid as a FeatureCollection (with a top-level {@code version}); megabytes for a big city. */
    @GET
    @Blocking
    @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
    public byte[] export() {
        return writer.write(liveGrid.snapshot().grid());
    }

    @GET
    @Path("/versions")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<List<GridVersion>> versions() {
        return repository.versions();
    }

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
