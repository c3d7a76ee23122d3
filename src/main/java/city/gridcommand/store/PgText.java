package city.gridcommand.store;

/** PostgreSQL text cannot hold NUL; topics and details of dead letters may, so it is made visible. */
final class PgText {

    private PgText() {
    }

    static String clean(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "\\u0000");
    }
}
