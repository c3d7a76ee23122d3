package city.gridcommand.sim;

import city.gridcommand.registry.DeviceType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The kinds of device in the demo city: what each measures or detects, which department owns it, how
 * common it is (weight out of 100 among devices placed in base cells), its id prefix and the kind of gateway
 * it sits behind ({@link GatewayKind}).
 */
enum DeviceProfile {
    SMOKE("smk", DeviceType.SENSOR, "dept-fire", 30, "烟感探测器", List.of("smoke", "temp"), GatewayKind.LORA),
    AIR("aqm", DeviceType.SENSOR, "dept-urban", 10, "空气质量监测仪", List.of("pm25", "temp"), GatewayKind.LORA),
    WATER("wlv", DeviceType.SENSOR, "dept-emergency", 8, "积水监测仪", List.of("water_level"), GatewayKind.LORA),
    NOISE("nse", DeviceType.SENSOR, "dept-urban", 10, "噪声监测仪", List.of("noise"), GatewayKind.LORA),
    URBAN_CAMERA("cam", DeviceType.CAMERA, "dept-urban", 25, "城管AI摄像机",
            List.of("illegal_parking", "garbage_overflow", "street_vending", "road_damage", "waterlogging"),
            GatewayKind.VIDEO_PLATFORM),
    SECURITY_CAMERA("cam", DeviceType.CAMERA, "dept-security", 12, "治安AI摄像机",
            List.of("crowd", "intrusion", "fight", "fall"), GatewayKind.VIDEO_PLATFORM),
    FIRE_CAMERA("cam", DeviceType.CAMERA, "dept-fire", 5, "消防AI摄像机", List.of("fire", "smoke"),
            GatewayKind.VIDEO_PLATFORM),
    /** Only in markets (two per market special cell), never drawn at random; each has its own connection. */
    MARKET_CAMERA("cam", DeviceType.CAMERA, "dept-market", 0, "市场监管AI摄像机",
            List.of("street_vending", "crowd", "garbage_overflow"), null);

    private static final int TOTAL_WEIGHT = 100;

    final String prefix;
    final DeviceType type;
    final String department;
    final int weight;
    final String label;
    final List<String> capabilities;
    /** The kind of gateway that publishes for it, or null: it has a connection of its own. */
    final GatewayKind gateway;

    DeviceProfile(String prefix, DeviceType type, String department, int weight, String label,
            List<String> capabilities, GatewayKind gateway) {
        this.prefix = prefix;
        this.type = type;
        this.department = department;
        this.weight = weight;
        this.label = label;
        this.capabilities = capabilities;
        this.gateway = gateway;
    }

    /** A profile drawn by weight. */
    static DeviceProfile draw(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (DeviceProfile profile : values()) {
            ticket -= profile.weight;
            if (ticket < 0) {
                return profile;
            }
        }
        throw new IllegalStateException("device profile weights must sum to " + TOTAL_WEIGHT);
    }
}
