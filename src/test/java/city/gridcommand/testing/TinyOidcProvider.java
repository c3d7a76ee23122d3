package city.gridcommand.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * An OpenID Connect provider as small as the service needs one to be, shaped like a Keycloak realm
 * ({@code http://127.0.0.1:PORT/realms/grid}): its discovery document ({@code issuer}, {@code jwks_uri})
 * and the JWKS of an RSA key made here. Tokens it signs are verified by the service only through that
 * discovery document and JWKS, exactly as a real provider's would be.
 */
public final class TinyOidcProvider implements AutoCloseable {

    private static final String REALM = "/realms/grid";

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final AtomicInteger jwksRequests = new AtomicInteger();

    private TinyOidcProvider(HttpServer server, RsaJsonWebKey key) {
        this.server = server;
        this.key = key;
    }

    public static TinyOidcProvider start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("tiny-" + UUID.randomUUID());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TinyOidcProvider provider = new TinyOidcProvider(server, key);
            server.createContext(REALM + "/.well-known/openid-configuration", exchange -> provider.answer(exchange,
                    "{\"issuer\":\"" + provider.issuer() + "\",\"jwks_uri\":\"" + provider.issuer()
                            + "/protocol/openid-connect/certs\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> {
                provider.jwksRequests.incrementAndGet();
                provider.answer(exchange, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            });
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The issuer URL, as {@code grid.auth.issuer-url} takes it and as the tokens' {@code iss} says. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    /** How often the JWKS was fetched: the service verified through it. */
    public int jwksRequests() {
        return jwksRequests.get();
    }

    /**
     * A token of this provider for the audience {@code grid-command}, valid for an hour, with the claims
     * the caller adds (roles, cells, …).
     */
    public String token(String subject, Consumer<JwtClaims> claims) {
        JwtClaims jwt = new JwtClaims();
        Instant now = Instant.now();
        jwt.setIssuer(issuer());
        jwt.setAudience(TestTokens.AUDIENCE);
        jwt.setSubject(subject);
        jwt.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        jwt.setExpirationTime(NumericDate.fromMilliseconds(now.plus(Duration.ofHours(1)).toEpochMilli()));
        jwt.setJwtId(UUID.randomUUID().toString());
        claims.accept(jwt);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(jwt.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
