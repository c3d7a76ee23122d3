package city.gridcommand.signin;

import city.gridcommand.access.CellScope;
import city.gridcommand.access.StaffRole;
import city.gridcommand.embedded.BootstrapSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code token --user NAME --role ROLE[,ROLE] --cells CODE[,CODE] [--unit UNIT] [--ttl 8h]}: prints a token
 * of the built-in issuer, signed with the key in the data directory (made if there is none yet), for
 * calling the API: {@code curl -H "Authorization: Bearer $(java -jar … token --user d1 --role dispatcher
 * --cells 440305)" …}. Reads the same settings as the service ({@code GRID_DATA_DIR},
 * {@code GRID_AUTH_SIGNING_KEY}, {@code GRID_AUTH_BUILTIN_ISSUER}, {@code GRID_AUTH_AUDIENCE}, the claim
 * names) from system properties or the environment; it does not start the service.
 */
public final class TokenCommand {

    private static final String USAGE = """
            usage: token --user NAME --role ROLE[,ROLE] --cells CODE[,CODE] [--unit UNIT] [--ttl DURATION]
              --user   the subject: a person's or an account's id (a grid worker's id for a worker)
              --role   admin, dispatcher, supervisor, handler, leader, worker, screen, service
              --cells  the cells the holder may see, each with everything under it, or '*'
              --unit   a handler's department (dept-fire) or a leader's cell
              --ttl    how long the token is valid: 8h (default), 30m, 2d, or ISO-8601 (PT8H)
            Prints the token on one line. Exit status 0, or 2 for bad arguments.""";

    private TokenCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println("token: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.containsKey("help")) {
            out.println(USAGE);
            return 0;
        }
        try {
            TokenMinter.Grant grant = grant(options);
            Duration ttl = duration(options.getOrDefault("ttl", "8h"));
            Path keyFile = setting("grid.auth.signing-key").map(Path::of)
                    .orElse(BuiltInIssuer.defaultKeyFile(BootstrapSettings.fromEnvironment().dataDir()));
            TokenMinter minter = new TokenMinter(SigningKey.loadOrCreate(keyFile),
                    setting("grid.auth.builtin-issuer").orElse("grid-command"),
                    setting("grid.auth.audience").orElse("grid-command"),
                    setting("grid.auth.roles-claim").orElse("roles"), setting("grid.auth.cells-claim").orElse("cells"),
                    setting("grid.auth.unit-claim").orElse("unit"));
            out.println(minter.mint(grant, ttl).token());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("token: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static TokenMinter.Grant grant(Map<String, String> options) {
        String user = required(options, "user");
        List<StaffRole> roles = new ArrayList<>();
        for (String name : required(options, "role").split(",")) {
            StaffRole role = StaffRole.fromWire(name.trim().toLowerCase(Locale.ROOT));
            if (role == null) {
                throw new IllegalArgumentException("--role: unknown role '" + name.trim() + "'");
            }
            roles.add(role);
        }
        List<String> cells = List.of(required(options, "cells").split(",")).stream().map(String::trim).toList();
        CellScope.of(cells); // refuses what is neither '*' nor a cell code
        return new TokenMinter.Grant(user, roles, cells, options.get("unit"));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static Duration duration(String text) {
        try {
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return positive(Duration.parse(text));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return positive(switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("--ttl: '" + text + "' (use 30m, 8h, 2d or PT8H)");
            });
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--ttl: '" + text + "' (use 30m, 8h, 2d or PT8H)");
        }
    }

    private static Duration positive(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("--ttl must be positive");
        }
        return ttl;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!List.of("user", "role", "cells", "unit", "ttl").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, value);
        }
        return options;
    }

    private static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
