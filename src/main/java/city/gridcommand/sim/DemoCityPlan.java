package city.gridcommand.sim;

/**
 * How big a demo city to generate, and from which seed: the same plan always gives the same city.
 *
 * @param seed                 seeds every random choice of the city
 * @param streets              streets (街道) of the district, coded 440305001…
 * @param communitiesPerStreet communities (社区) per street
 * @param baseCells            base cells in all, shared among communities by their area
 * @param devicesPerBaseCell   mean number of sensors and cameras per base cell
 * @param baseCellsPerWorker   base cells one grid worker looks after, roughly
 * @param policeBeats          overlay cells laid over the district, coded 440305801…
 * @param schools              special cells for schools
 * @param hospitals            special cells for hospitals
 * @param markets              special cells for markets, each with its own market cameras
 */
public record DemoCityPlan(long seed, int streets, int communitiesPerStreet, int baseCells, double devicesPerBaseCell,
        int baseCellsPerWorker, int policeBeats, int schools, int hospitals, int markets) {

    /** The seed of the city the service and the simulator share by default. */
    public static final long DEFAULT_SEED = 440305L;

    /** Street codes 801 and above belong to police beats (overlay cells of street level). */
    static final int MAX_STREETS = 799;
    /** Community codes have 3 digits. */
    static final int MAX_COMMUNITIES_PER_STREET = 999;
    /**
     * Mean base cells per community, so that even a community twice the mean area stays below code 900:
     * grid codes 9xx are special cells.
     */
    static final int MAX_MEAN_BASE_CELLS_PER_COMMUNITY = 400;

    public DemoCityPlan {
        require(streets >= 1 && streets <= MAX_STREETS, "streets must be within [1, " + MAX_STREETS + "]");
        require(communitiesPerStreet >= 1 && communitiesPerStreet <= MAX_COMMUNITIES_PER_STREET,
                "communitiesPerStreet must be within [1, " + MAX_COMMUNITIES_PER_STREET + "]");
        int communities = streets * communitiesPerStreet;
        require(baseCells >= communities, "baseCells must be at least one per community");
        require(baseCells <= (long) communities * MAX_MEAN_BASE_CELLS_PER_COMMUNITY,
                "baseCells must be at most " + MAX_MEAN_BASE_CELLS_PER_COMMUNITY + " per community");
        require(devicesPerBaseCell >= 0 && devicesPerBaseCell <= 100, "devicesPerBaseCell must be within [0, 100]");
        require(baseCellsPerWorker >= 1, "baseCellsPerWorker must be positive");
        require(policeBeats >= 1 && policeBeats <= 99, "policeBeats must be within [1, 99]");
        require(schools >= 0 && hospitals >= 0 && markets >= 0, "special cell counts must not be negative");
        require(schools + hospitals + markets <= communities * 99, "at most 99 special cells per community");
    }

    /** About 2,000 base cells, 3,000 devices and 100 people: the city the service loads by default. */
    public static DemoCityPlan standard() {
        return new DemoCityPlan(DEFAULT_SEED, 8, 5, 2_000, 1.5, 36, 10, 5, 2, 1);
    }

    /** 100,000 base cells, 150,000 devices and 3,300 people, for benchmarks. */
    public static DemoCityPlan benchmark() {
        return scaledTo(100_000);
    }

    /**
     * A city with {@code baseCells} base cells over the same district: streets, communities per street and
     * base cells per community each grow with the cube root of the size, everything else in proportion.
     */
    public static DemoCityPlan scaledTo(int baseCells) {
        DemoCityPlan standard = standard();
        double factor = baseCells / (double) standard.baseCells();
        double branching = Math.cbrt(factor);
        int streets = clamp((int) Math.round(standard.streets() * branching), 1, MAX_STREETS);
        int communities = clamp((int) Math.round(standard.communitiesPerStreet() * branching), 1,
                MAX_COMMUNITIES_PER_STREET);
        return new DemoCityPlan(standard.seed(), streets, communities, baseCells, standard.devicesPerBaseCell(),
                standard.baseCellsPerWorker(), clamp((int) Math.round(10 * Math.sqrt(factor)), 1, 99),
                scaled(standard.schools(), factor), scaled(standard.hospitals(), factor),
                scaled(standard.markets(), factor));
    }

    /** The same plan from another seed. */
    public DemoCityPlan withSeed(long newSeed) {
        return new DemoCityPlan(newSeed, streets, communitiesPerStreet, baseCells, devicesPerBaseCell,
                baseCellsPerWorker, policeBeats, schools, hospitals, markets);
    }

    public int communities() {
        return streets * communitiesPerStreet;
    }

    private static int scaled(int count, double factor) {
        return Math.max(count, (int) Math.round(count * factor));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
