package city.gridcommand.sim;

import city.gridcommand.geo.Cell;
import city.gridcommand.registry.Device;
import city.gridcommand.signal.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Mounts the demo city's sensors and cameras at random points inside base cells (about the plan's mean per
 * cell), plus two market cameras inside every market. Ids are the profile's prefix and a number; each is
 * behind its street's gateway of its profile's kind ({@link GatewayKind}), a market camera behind none.
 */
final class DevicePlanter {

    private static final int CAMERAS_PER_MARKET = 2;

    private final SplittableRandom random;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<Device> devices = new ArrayList<>();
    private final Map<String, String> cells = new HashMap<>();

    /** The devices, and the code of the cell each is mounted in by device id. */
    record Planted(List<Device> devices, Map<String, String> cells) {
    }

    private DevicePlanter(SplittableRandom random) {
        this.random = random;
    }

    static Planted plant(List<Cell> baseCells, List<Cell> markets, DemoCityPlan plan, SplittableRandom random) {
        DevicePlanter planter = new DevicePlanter(random);
        int whole = (int) plan.devicesPerBaseCell();
        double fraction = plan.devicesPerBaseCell() - whole;
        for (Cell cell : baseCells) {
            int count = whole + (random.nextDouble() < fraction ? 1 : 0);
            PreparedGeometry area = PreparedGeometryFactory.prepare(cell.geometry());
            for (int i = 0; i < count; i++) {
                planter.mount(DeviceProfile.draw(random), area, cell);
            }
        }
        for (Cell market : markets) {
            PreparedGeometry area = PreparedGeometryFactory.prepare(market.geometry());
            for (int i = 0; i < CAMERAS_PER_MARKET; i++) {
                planter.mount(DeviceProfile.MARKET_CAMERA, area, market);
            }
        }
        return new Planted(planter.devices, planter.cells);
    }

    private void mount(DeviceProfile profile, PreparedGeometry area, Cell cell) {
        int number = numbers.merge(profile.prefix, 1, Integer::sum);
        String id = profile.prefix + "-" + String.format("%06d", number);
        Coordinate at = Polygons.randomPointInside(area, random);
        String gateway = profile.gateway == null ? null : profile.gateway.gatewayFor(cell.code());
        devices.add(new Device(id, profile.type, profile.label + " " + cell.name(), new Position(at.y, at.x),
                profile.capabilities, profile.department, gateway));
        cells.put(id, cell.code());
    }
}
