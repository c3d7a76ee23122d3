package city.gridcommand.signin;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service as its own small token issuer, used when no OpenID Connect provider is configured: its
 * signing key in the data directory, the JWKS it publishes, and the minter of its tokens.
 */
@ApplicationScoped
public class BuiltInIssuer {

    /** Where the key lives unless {@code grid.auth.signing-key} says otherwise: under the data directory. */
    public static Path defaultKeyFile(Path dataDir) {
        return dataDir.resolve("identity").resolve("signing-key.jwk");
    }

    private final AuthSettings settings;
    private final Path keyFile;
    private volatile SigningKey key;

    BuiltInIssuer(AuthSettings settings,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "grid.data-dir", defaultValue = "data")
            Path dataDir) {
        this.settings = settings;
        this.keyFile = settings.signingKey().orElse(defaultKeyFile(dataDir));
    }

    /** Whether this service issues its own tokens (no external provider configured). */
    public boolean active() {
        return settings.issuerUrl().isEmpty();
    }

    /** The signing key, read or made on first use; empty when an external provider issues the tokens. */
    public Optional<SigningKey> key() {
        if (!active()) {
            return Optional.empty();
        }
        SigningKey current = key;
        if (current == null) {
            synchronized (this) {
                current = key;
                if (current == null) {
                    current = SigningKey.loadOrCreate(keyFile);
                    key = current;
                }
            }
        }
        return Optional.of(current);
    }

    /** The minter of this issuer's tokens; empty when an external provider issues them. */
    public Optional<TokenMinter> minter() {
        return key().map(k -> TokenMinter.of(k, settings));
    }

    public Path keyFile() {
        return keyFile;
    }
}
