package city.gridcommand.sim;

/**
 * The gateways of the demo city, one of each kind per street: a street's fixed sensors (smoke, air, water,
 * noise) send over LoRa to the street's concentrator, and its AI cameras' detections come from the street's
 * video platform (NVR), which runs the vision models. A market's cameras belong to the market and have
 * connections of their own (a 4G router each), as do workers' terminals.
 */
enum GatewayKind {
    /** A street's LoRa concentrator: {@code lora-<streetCode>}. */
    LORA("lora-"),
    /** A street's video platform: {@code nvr-<streetCode>}. */
    VIDEO_PLATFORM("nvr-");

    /** A street's code: the district's six digits and the street's three. */
    private static final int STREET_CODE_LENGTH = 9;

    private final String prefix;

    GatewayKind(String prefix) {
        this.prefix = prefix;
    }

    /** The id of this kind's gateway for a device mounted in the cell {@code cellCode} (of a street or below). */
    String gatewayFor(String cellCode) {
        if (cellCode.length() < STREET_CODE_LENGTH) {
            throw new IllegalArgumentException("cellCode must be a street's or below, not '" + cellCode + "'");
        }
        return prefix + cellCode.substring(0, STREET_CODE_LENGTH);
    }
}
