package city.gridcommand.bench;

/** Device ids of a run: {@code <prefix><run-id>-<index in 6 digits>}, e.g. {@code bench-r1-000042}. */
final class DeviceIds {

    private DeviceIds() {
    }

    /** {@code idPrefix} is {@code <prefix><run-id>-}. */
    static String of(String idPrefix, int index) {
        return idPrefix + String.format("%06d", index);
    }
}
