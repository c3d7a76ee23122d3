package city.gridcommand.ingest;

import java.util.Set;

/**
 * The camera detection kinds the rules know (contract section 1). Others are kept and counted as
 * unknown kinds, so a gateway upgrade that adds a kind loses nothing.
 */
public final class DetectionKinds {

    private static final Set<String> KNOWN = Set.of("fire", "smoke", "crowd", "intrusion", "illegal_parking",
            "garbage_overflow", "street_vending", "road_damage", "waterlogging", "fall", "fight",
            "illegal_construction", "exposed_garbage", "manhole_missing", "vehicle_accident");

    private DetectionKinds() {
    }

    public static boolean isKnown(String kind) {
        return KNOWN.contains(kind);
    }
}
