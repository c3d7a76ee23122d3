package city.gridcommand.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of an {@code application/problem+json} answer (RFC 9457), plus the field at fault and, for a
 * refusal by cell scope, the cell outside the caller's scope.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
        String cell) {

    public Problem(String type, String title, int status, String detail, String instance, String field) {
        this(type, title, status, detail, instance, field, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
}
