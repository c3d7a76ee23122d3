package city.gridcommand.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The problem+json body of a refused case transition: RFC 9457 members plus what would be allowed: the
 * actions allowed in the case's state, and the token roles ({@code dispatcher}, {@code supervisor},
 * {@code handler}, {@code leader}, {@code worker}, {@code service}) that may take the action.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseRefusal(String type, String title, int status, String detail, String instance, String field,
        List<String> allowedActions, List<String> allowedRoles) {
}
