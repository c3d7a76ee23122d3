package city.gridcommand.sim;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The simulator's command line: {@code simulate [--url=…] [--rate=…] [--duration=…|--messages=…] [--seed=…]
 * [--base-cells=…] [--username=… --password=…] [--intensity=calm|normal|storm] [--staff [--api=…]
 * [--staff-password=…]] [--gateways=N]}. Exactly one of {@code duration} and {@code messages} is set;
 * {@code staff} is null unless {@code --staff} is given; {@code gateways} is 0 unless {@code --gateways} is.
 */
public record SimulateOptions(String url, double rate, Duration duration, Long messages, long seed, int baseCells,
        String username, String password, StaffOptions staff, boolean help, Intensity intensity, int gateways) {

    public static final String DEFAULT_URL = "tcp://127.0.0.1:1883";
    public static final double DEFAULT_RATE = 2000;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    public static final long DEFAULT_SEED = 1;

    public static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar simulate [options]

            Publishes the demo city's life to an MQTT broker (MQTT 5, QoS 1) as docs/contract.md section 1 gives it:
            sensor telemetry, camera detections, grid workers' positions on patrol and their reports, device
            status, with incidents and outages at a real city's rates (see the README). Prints a progress
            line every second.

              --url=URL          broker, tcp://host:port or ssl://host:port   (default %s)
              --rate=N           messages per second, all feeds together     (default %s)
              --duration=D       how long to publish: 90s, 5m, 1h, 500ms     (default %ss)
              --messages=N       how many messages to publish, instead of --duration
              --seed=N           seeds the city's life; the same seed sends the same messages (default %d)
              --base-cells=N     the demo city's size (default %d, the city the service loads)
              --username=U       broker credentials, if it asks for them
              --password=P
              --intensity=I      calm, normal or storm: how much goes wrong, 0.3, 1 or 5 times a real
                                 city's day (incidents, reports, device outages; readings and position
                                 fixes are the same at every intensity)     (default normal)
              --staff            also play the centre through the service's REST API, timed on the city clock:
                                 the dispatcher registers or refuses and dispatches, the departments accept
                                 and feed back (some late), the supervisor closes or sends back and evaluates
              --api=URL          the service's REST API, for --staff          (default %s)
              --staff-password=P the demo people's password, for --staff     (default %s)
              --gateways=N       the devices of N of the city's gateways (each street's LoRa concentrator
                                 lora-<street> and video platform nvr-<street>, in street order) publish
                                 through them: one connection per gateway, readings batched a second of
                                 city time or 200 at a time; the first of them dies once (its line cut, so
                                 the broker publishes its last will) at 40%% of the run and comes back
                                 after a tenth of it, at least 30 s of city time   (default 0: none)
              --help             this text
            """.formatted(DEFAULT_URL, (long) DEFAULT_RATE, DEFAULT_DURATION.toSeconds(), DEFAULT_SEED,
            DemoCityPlan.standard().baseCells(), StaffOptions.DEFAULT_API, StaffSimulator.DEFAULT_PASSWORD);

    /** The options the arguments give (the ones after {@code simulate}); names the bad one if any. */
    public static SimulateOptions parse(String... args) {
        Builder options = new Builder();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                options.help = true;
                continue;
            }
            if (arg.equals("--staff")) {
                options.staff = true;
                continue;
            }
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --name=value");
            }
            options.set(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options.build();
    }

    /** Whether a broker URL asks for TLS ({@code ssl://} or {@code mqtts://}). */
    static boolean isTls(URI uri) {
        return "ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme());
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean plain = uri != null && ("tcp".equals(uri.getScheme()) || "mqtt".equals(uri.getScheme()));
        if (uri == null || uri.getHost() == null || !(plain || isTls(uri))) {
            throw new IllegalArgumentException("--url must be tcp://host:port or ssl://host:port, not '" + url + "'");
        }
    }

    /** Parses 90s, 5m, 1h, 500ms, or a bare number of seconds. */
    static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            char unit = value.charAt(value.length() - 1);
            String number = Character.isDigit(unit) ? value : value.substring(0, value.length() - 1);
            long amount = Long.parseLong(number);
            return switch (unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Character.isDigit(unit) ? Duration.ofSeconds(amount) : null;
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Gathers options one by one before the whole is checked. */
    private static final class Builder {
        private String url = DEFAULT_URL;
        private double rate = DEFAULT_RATE;
        private Duration duration;
        private Long messages;
        private long seed = DEFAULT_SEED;
        private int baseCells = DemoCityPlan.standard().baseCells();
        private String username;
        private String password;
        private boolean help;
        private boolean staff;
        private String api;
        private String staffPassword;
        private Intensity intensity = Intensity.NORMAL;
        private int gateways;

        void set(String name, String value) {
            try {
                switch (name) {
                    case "url" -> url = value;
                    case "rate" -> rate = Double.parseDouble(value);
                    case "duration" -> duration = parseDuration(value);
                    case "messages" -> messages = Long.parseLong(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "base-cells" -> baseCells = Integer.parseInt(value);
                    case "username" -> username = value;
                    case "password" -> password = value;
                    case "api" -> api = value;
                    case "staff-password" -> staffPassword = value;
                    case "intensity" -> intensity = Intensity.parse(value);
                    case "gateways" -> gateways = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option --" + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
            }
            if (name.equals("duration") && (duration == null || duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException("--duration must be like 90s, 5m, 1h or 500ms, not '" + value + "'");
            }
        }

        SimulateOptions build() {
            checkUrl(url);
            if (duration != null && messages != null) {
                throw new IllegalArgumentException("give --duration or --messages, not both");
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("--rate must be a positive number of messages per second");
            }
            if (messages != null && messages <= 0) {
                throw new IllegalArgumentException("--messages must be positive");
            }
            if (gateways < 0) {
                throw new IllegalArgumentException("--gateways must not be negative");
            }
            if (baseCells < 1) {
                throw new IllegalArgumentException("--base-cells must be positive");
            }
            if ((username == null) != (password == null)) {
                throw new IllegalArgumentException("give --username and --password together");
            }
            if (!staff && (api != null || staffPassword != null)) {
                throw new IllegalArgumentException("--api and --staff-password are for --staff");
            }
            Duration effective = duration == null && messages == null ? DEFAULT_DURATION : duration;
            return new SimulateOptions(url, rate, effective, messages, seed, baseCells, username, password,
                    staff ? StaffOptions.of(api, staffPassword) : null, help, intensity, gateways);
        }
    }
}
