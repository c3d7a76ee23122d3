package city.gridcommand.sim;

import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code simulate}: the command line around {@link Simulator}. Plain Java: no Quarkus, no embedded broker
 * or database; it needs a broker to publish to (the service's embedded one will do).
 */
public final class SimulateCommand {

    /** Exit status for a run where every message was acknowledged. */
    public static final int OK = 0;
    /** Exit status for an unreachable broker or unacknowledged messages. */
    public static final int FAILED = 1;
    /** Exit status for bad arguments. */
    public static final int USAGE = 2;

    private SimulateCommand() {
    }

    /** Runs the command with the arguments after {@code simulate}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage() + " (see simulate --help)");
            return USAGE;
        }
        if (options.help()) {
            out.print(SimulateOptions.HELP);
            return OK;
        }
        try {
            DemoCity city = generate(options, out);
            CityLife life = new CityLife(city, options.seed(), options.intensity());
            out.println("simulate: publishing to " + options.url() + " at " + (long) options.rate()
                    + " msg/s, intensity " + options.intensity().label() + ", for "
                    + (options.messages() != null ? options.messages() + " messages"
                            : options.duration().toMillis() / 1000.0 + " s"));
            Simulator.Summary summary = Simulator.run(life, options, out);
            report(summary, out);
            return summary.clean() ? OK : FAILED;
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException e) {
            err.println("simulate: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("simulate: interrupted");
            return FAILED;
        }
    }

    private static DemoCity generate(SimulateOptions options, PrintStream out) {
        long start = System.nanoTime();
        DemoCity city = DemoCity.generate(DemoCityPlan.scaledTo(options.baseCells()));
        out.printf(Locale.ROOT, "simulate: demo city of %,d cells, %,d devices and %,d workers in %d ms%n",
                city.cells().size(), city.devices().size(), city.workers().size(),
                (System.nanoTime() - start) / 1_000_000);
        return city;
    }

    private static void report(Simulator.Summary summary, PrintStream out) {
        out.printf(Locale.ROOT, "simulate: done in %.1f s: sent %,d, acked %,d, failed %,d, city time %s%n",
                summary.elapsedMillis() / 1000.0, summary.sent(), summary.acked(), summary.failed(),
                Progress.clock(summary.simulatedMillis()));
        if (summary.gateways() != null) {
            Simulator.GatewayCounts gateways = summary.gateways();
            out.printf(Locale.ROOT, "simulate: %d gateways sent %,d readings in %,d batches; %,d lost while one was down%n",
                    gateways.gateways(), gateways.readings(), gateways.batches(), gateways.lost());
        }
        if (summary.staff() != null) {
            out.println("simulate: " + summary.staff().line());
        }
        if (!summary.drained()) {
            out.println("simulate: some messages were still unacknowledged when it stopped waiting");
        }
        if (summary.lastFailure() != null) {
            out.println("simulate: last failure: " + summary.lastFailure());
        }
    }
}
