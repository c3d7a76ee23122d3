package city.gridcommand.api;

import city.gridcommand.grid.GridImportSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Request bodies are limited per endpoint: the grid import may be large ({@code grid.import.max-body-size},
 * which is also the HTTP layer's own {@code quarkus.http.limits.max-body-size}), every other endpoint
 * small ({@code grid.api.max-body-size}). Two route handlers sit around the HTTP layer's check, so that
 * no endpoint ever holds more than its own limit in memory:
 *
 * <ul>
 * <li>before it, a declared {@code Content-Length} over the endpoint's limit is answered 413
 * problem+json naming the limit, and the body is never buffered;
 * <li>after it, a body of undeclared length (chunked) to a small endpoint is read here up to that
 * endpoint's limit and handed on whole (Quarkus REST takes a body already read); one that passes the
 * limit is answered 413 the same way. (Left to Quarkus REST, a non-blocking endpoint read a 2 MiB
 * chunked body whole although the HTTP layer had been given a 1 MiB limit for it.)
 * </ul>
 *
 * <p>A refused body already on its way is read and dropped rather than left unread, so that closing
 * does not reset the connection before the client has read the answer; one the client waits to send
 * (Expect: 100-continue) is not waited for, and neither is more than the grid import's limit of it.
 */
@ApplicationScoped
public class BodyLimits {

    static final String GRID_IMPORT = "/api/v1/grids";
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final long importLimit;
    private final long apiLimit;
    private final ObjectMapper json;

    BodyLimits(GridImportSettings grids, ApiSettings api, ObjectMapper json) {
        this.importLimit = grids.maxBodySize().asLongValue();
        this.apiLimit = Math.min(api.maxBodySize().asLongValue(), importLimit);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseDeclaredLength);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::readUndeclaredLength);
    }

    private void refuseDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length = declared == null ? -1 : parse(declared);
        if (length > limitOf(context)) {
            boolean waiting = "100-continue".equalsIgnoreCase(context.request().getHeader(HttpHeaderNames.EXPECT));
            refuse(context, "declares " + length, !waiting && length <= importLimit);
            return;
        }
        context.next();
    }

    // RoutingContext.setBody is deprecated in favour of BodyHandler, but it is what Quarkus REST reads
    // (RoutingContext.getBody) and lets the refusal be ours
    @SuppressWarnings("deprecation")
    private void readUndeclaredLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (isGridImport(context) || request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                || !WITH_BODY.contains(request.method()) || request.isEnded()) {
            context.next();
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > apiLimit) {
                refuse(context, "is longer", true);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            context.setBody(body);
            context.next();
        });
        request.resume();
    }

    /**
     * Answers 413 problem+json. {@code drain}: the body is on its way and is read and dropped (up to the
     * grid import's limit, then the connection is closed); otherwise the connection is closed at once.
     */
    private void refuse(RoutingContext context, String length, boolean drain) {
        HttpServerRequest request = context.request();
        long limit = limitOf(context);
        String setting = isGridImport(context) ? "grid.import.max-body-size" : "grid.api.max-body-size";
        LimitExceeded problem = new LimitExceeded("about:blank", "Body too large", 413, "the body of "
                + request.method() + " " + context.normalizedPath() + " may be at most " + limit + " bytes ("
                + setting + "); this one " + length, context.normalizedPath(), "body", limit);
        HttpServerResponse response = context.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (drain) {
            long[] dropped = {0};
            request.endHandler(null);
            request.handler(chunk -> {
                if ((dropped[0] += chunk.length()) > importLimit) {
                    request.connection().close();
                }
            }).resume();
            response.end(body(problem));
        } else {
            response.putHeader(HttpHeaderNames.CONNECTION, "close");
            response.end(body(problem)).onComplete(sent -> request.connection().close());
        }
    }

    private long limitOf(RoutingContext context) {
        return isGridImport(context) ? importLimit : apiLimit;
    }

    private static boolean isGridImport(RoutingContext context) {
        String path = context.normalizedPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return context.request().method() == HttpMethod.PUT && trimmed.equals(GRID_IMPORT);
    }

    /** A length that is not a number is the HTTP codec's to refuse; here it passes as unknown. */
    private static long parse(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String body(LimitExceeded problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a record of strings and numbers always writes
        }
    }
}
