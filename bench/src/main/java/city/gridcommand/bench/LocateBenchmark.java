package city.gridcommand.bench;

import city.gridcommand.geo.Cell;
import city.gridcommand.geo.CellLocation;
import city.gridcommand.geo.Grid;
import city.gridcommand.geo.SyntheticGrid;
import city.gridcommand.geo.index.CellIndex;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * Locate throughput of the service's {@link CellIndex} on one thread (one core), against the naive
 * STRtree + PreparedGeometry locator in the same process, over synthetic grids of 1,000 to 100,000 base
 * cells; with build time and heap retained. Markdown tables on stdout, progress on stderr.
 */
public final class LocateBenchmark {

    private static final String USAGE = """
            usage: java -cp grid-command-bench.jar city.gridcommand.bench.LocateBenchmark [options]
              --sizes=1000,10000,100000  base cells per synthetic grid (about; the lattice is near-square)
              --points=1000000           points per workload for CellIndex (each timed round looks up all)
              --naive-points=200000      points per round for the naive locator (it is much slower)
              --rounds=5                 timed rounds per workload; the median is reported
              --workers=10000            walkers in the random-walk workload
              --verify=20000             points per workload checked: CellIndex must equal the naive answer
              --seed=42""";

    private LocateBenchmark() {
    }

    public static void main(String[] args) {
        Args a = Args.parse(args, Set.of("sizes", "points", "naive-points", "rounds", "workers", "verify", "seed"),
                USAGE);
        Settings settings = new Settings(a.intValue("points", 1_000_000), a.intValue("naive-points", 200_000),
                a.intValue("rounds", 5), a.intValue("workers", 10_000), a.intValue("verify", 20_000),
                a.longValue("seed", 42));
        List<String> throughput = new ArrayList<>();
        List<String> footprint = new ArrayList<>();
        boolean allAgree = true;
        for (String size : a.string("sizes", "1000,10000,100000").split(",")) {
            allAgree &= measure(Integer.parseInt(size.trim().replace("_", "")), settings, throughput, footprint);
        }
        print(throughput, footprint);
        if (!allAgree) {
            System.err.println("error: CellIndex and the naive locator disagree (see above)");
            System.exit(3);
        }
    }

    private record Settings(int points, int naivePoints, int rounds, int workers, int verify, long seed) {
    }

    /** One grid size: adds its rows to both tables; false if CellIndex and the naive locator disagreed. */
    private static boolean measure(int target, Settings settings, List<String> throughput, List<String> footprint) {
        int cols = (int) Math.ceil(Math.sqrt(target));
        int rows = Math.max(1, Math.round((float) target / cols));
        progress("grid of %d x %d lattice cells", cols, rows);
        long empty = usedHeapAfterGc();
        Grid grid = SyntheticGrid.generate(cols, rows, settings.seed());
        long gridBytes = usedHeapAfterGc() - empty;
        long baseCells = grid.cells().stream().filter(Cell::isBaseCell).count();
        Envelope extent = grid.cell(SyntheticGrid.DISTRICT).geometry().getEnvelopeInternal();
        List<LocateWorkload> workloads = List.of(LocateWorkload.random(extent, settings.points(), settings.seed() + 1),
                LocateWorkload.walks(extent, settings.points(), settings.workers(), settings.seed() + 2));

        long before = usedHeapAfterGc();
        long[] buildNanos = new long[4];
        CellIndex index = null;
        for (int i = 0; i < buildNanos.length; i++) { // the first build warms the JIT up
            long start = System.nanoTime();
            index = CellIndex.build(grid);
            buildNanos[i] = System.nanoTime() - start;
        }
        long indexBytes = usedHeapAfterGc() - before;
        long naiveStart = System.nanoTime();
        NaiveLocator naive = new NaiveLocator(grid);
        long naiveBuild = System.nanoTime() - naiveStart;

        boolean agree = true;
        for (LocateWorkload workload : workloads) {
            agree &= compare(index, naive, workload, settings, baseCells, throughput);
        }
        long naiveBytes = usedHeapAfterGc() - before - indexBytes; // after use: prepared indexes are lazy
        CellIndex.Stats stats = index.stats();
        footprint.add(String.format(Locale.ROOT,
                "| %,d | %,d | %.1f | %.0f | %.1f | %.1f | %.0f | %.1f | %,d | %,d | %,d | %,d | %,d | %,d |",
                baseCells, stats.cells(), gridBytes / 1e6,
                median(Arrays.copyOfRange(buildNanos, 1, buildNanos.length)) / 1e6, indexBytes / 1e6,
                stats.estimatedBytes() / 1e6, naiveBuild / 1e6, naiveBytes / 1e6, stats.topBuckets(), stats.nodes(),
                stats.segmentLeaves(), stats.starLeaves(), stats.mixedLeaves(), stats.locations()));
        Reference.reachabilityFence(naive);
        return agree;
    }

    /** Checks, then times, both locators on one workload; adds a throughput row. */
    private static boolean compare(CellIndex index, NaiveLocator naive, LocateWorkload workload, Settings settings,
            long baseCells, List<String> throughput) {
        int wrong = mismatches(index, naive, workload, settings.verify());
        progress("%,d base cells, %s: %d of %d checked points differ from the naive locator", baseCells,
                workload.name(), wrong, Math.min(settings.verify(), workload.size()));
        Rate fast = indexRate(index, workload, settings.rounds());
        Rate slow = naiveRate(naive, truncate(workload, settings.naivePoints()), settings.rounds());
        throughput.add(String.format(Locale.ROOT, "| %,d | %s | %.2f | %.3f | %.0f× | %.1f | %.0f |", baseCells,
                workload.name(), fast.perSecond / 1e6, slow.perSecond / 1e6, fast.perSecond / slow.perSecond,
                fast.bytesPerLookup, slow.bytesPerLookup));
        return wrong == 0;
    }

    private static void print(List<String> throughput, List<String> footprint) {
        System.out.println("| base cells | workload | CellIndex M lookups/s | naive M lookups/s | ratio "
                + "| CellIndex bytes/lookup | naive bytes/lookup |");
        System.out.println("|---|---|---|---|---|---|---|");
        throughput.forEach(System.out::println);
        System.out.println();
        System.out.println("| base cells | cells indexed | grid heap MB | index build ms | index heap MB | index estimate MB "
                + "| naive build ms | naive heap MB | top buckets | nodes | segment leaves | star leaves "
                + "| mixed leaves | distinct answers |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        footprint.forEach(System.out::println);
    }

    private record Rate(double perSecond, double bytesPerLookup) {
    }

    /** Median rate over the timed rounds, after two untimed rounds for the JIT. */
    private static Rate indexRate(CellIndex index, LocateWorkload workload, int rounds) {
        double[] lat = workload.lat();
        double[] lon = workload.lon();
        long[] nanos = new long[rounds];
        long allocated = 0;
        for (int round = -2; round < rounds; round++) {
            long bytes = allocatedBytes();
            long start = System.nanoTime();
            long repeats = 0;
            CellLocation last = null;
            for (int i = 0; i < lat.length; i++) {
                CellLocation location = index.locate(lat[i], lon[i]);
                repeats += location == last ? 1 : 0; // uses every answer, without touching it
                last = location;
            }
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
                allocated += allocatedBytes() - bytes;
            }
            sink += repeats;
        }
        return new Rate(lat.length * 1e9 / median(nanos), (double) allocated / rounds / lat.length);
    }

    private static Rate naiveRate(NaiveLocator naive, LocateWorkload workload, int rounds) {
        double[] lat = workload.lat();
        double[] lon = workload.lon();
        long[] nanos = new long[rounds];
        long allocated = 0;
        for (int round = -1; round < rounds; round++) {
            long bytes = allocatedBytes();
            long start = System.nanoTime();
            long found = 0;
            for (int i = 0; i < lat.length; i++) {
                found += naive.locate(lat[i], lon[i]).outside() ? 0 : 1;
            }
            if (round >= 0) {
                nanos[round] = System.nanoTime() - start;
                allocated += allocatedBytes() - bytes;
            }
            sink += found;
        }
        return new Rate(lat.length * 1e9 / median(nanos), (double) allocated / rounds / lat.length);
    }

    /** Written so the JIT cannot drop the timed loops as dead code. */
    static volatile long sink;

    private static int mismatches(CellIndex index, NaiveLocator naive, LocateWorkload workload, int count) {
        int wrong = 0;
        for (int i = 0; i < Math.min(count, workload.size()); i++) {
            CellLocation expected = naive.locate(workload.lat()[i], workload.lon()[i]);
            CellLocation actual = index.locate(workload.lat()[i], workload.lon()[i]);
            if (!expected.equals(actual)) {
                if (wrong++ < 3) {
                    progress("  differs at lat=%s lon=%s: naive %s, index %s", workload.lat()[i], workload.lon()[i],
                            expected, actual);
                }
            }
        }
        return wrong;
    }

    private static LocateWorkload truncate(LocateWorkload workload, int n) {
        int size = Math.min(n, workload.size());
        return new LocateWorkload(workload.name(), Arrays.copyOf(workload.lat(), size),
                Arrays.copyOf(workload.lon(), size));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
