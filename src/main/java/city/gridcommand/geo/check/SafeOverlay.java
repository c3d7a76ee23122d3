package city.gridcommand.geo.check;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * JTS overlay for the validator, answering null instead of throwing: OverlayNGRobust already retries
 * with snapping, and input that defeats even that must become a reported problem, not a failed import.
 */
final class SafeOverlay {

    private SafeOverlay() {
    }

    /** The overlay ({@code OverlayNG.INTERSECTION}, {@code DIFFERENCE}, …), or null if it cannot be computed. */
    static Geometry overlay(Geometry a, Geometry b, int operation) {
        if (a == null || b == null) {
            return null;
        }
        try {
            return OverlayNGRobust.overlay(a, b, operation);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The union of the parts, or null if it cannot be computed. */
    static Geometry union(List<Geometry> parts) {
        try {
            return OverlayNGRobust.union(parts);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
