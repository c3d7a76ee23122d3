package city.gridcommand.sim;

/** The standard demo city, generated once for all the tests of this package (it takes about a second). */
final class StandardCity {

    private static DemoCity city;

    private StandardCity() {
    }

    static synchronized DemoCity get() {
        if (city == null) {
            city = DemoCity.standard();
        }
        return city;
    }
}
