package city.gridcommand.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an {@code application/problem+json} answer (RFC 9457), plus the field at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
