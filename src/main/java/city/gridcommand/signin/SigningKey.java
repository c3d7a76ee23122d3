package city.gridcommand.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * The built-in issuer's RSA key: read from its file, or made (2048 bits) and written there on first use,
 * readable by its owner only. The public half is published as a JWKS and verifies every token.
 */
public final class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);
    private static final int BITS = 2048;

    private final RsaJsonWebKey key;

    private SigningKey(RsaJsonWebKey key) {
        this.key = key;
    }

    /** The key in the file, made first if there is none. */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            RsaJsonWebKey made = RsaJwkGenerator.generateJwk(BITS);
            made.setKeyId(UUID.randomUUID().toString());
            made.setAlgorithm("RS256");
            made.setUse("sig");
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp");
            try {
                restrict(temporary);
                Files.writeString(temporary, made.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                // no replace: an instance or the token command that made one first wins, and all use that one
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.infof("made the built-in issuer's signing key %s in %s", made.getKeyId(), file);
                return new SigningKey(made);
            } catch (FileAlreadyExistsException e) {
                return read(file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot make a signing key", e);
        }
    }

    /** A key from its JSON Web Key text (private part included). */
    public static SigningKey fromJson(String json) {
        try {
            if (JsonWebKey.Factory.newJwk(json) instanceof RsaJsonWebKey rsa && rsa.getPrivateKey() != null) {
                return new SigningKey(rsa);
            }
            throw new IllegalArgumentException("not an RSA private JSON Web Key");
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JSON Web Key: " + e.getMessage(), e);
        }
    }

    private static SigningKey read(Path file) throws IOException {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the signing key " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            LOG.debugf("no POSIX permissions on %s", file);
        }
    }

    public String keyId() {
        return key.getKeyId();
    }

    public PrivateKey privateKey() {
        return key.getPrivateKey();
    }

    public PublicKey publicKey() {
        return key.getPublicKey();
    }

    /** The public key, X.509 encoded and in base64, as the OIDC tenant's {@code public-key} takes it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey().getEncoded());
    }

    /** The JWKS ({@code {"keys":[…]}}) with the public half only. */
    public String publicJwks() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** This key as a JSON Web Key, private part included (what the key file holds). */
    public String privateJson() {
        return key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }
}
