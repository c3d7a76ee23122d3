package city.gridcommand.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The problem+json body of a 413: RFC 9457 members, the part of the request that is too large
 * ({@code body}, {@code features}, {@code vertices}) and the limit it passed (bytes, features or
 * positions).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitExceeded(String type, String title, int status, String detail, String instance, String field,
        long limit) {
}
