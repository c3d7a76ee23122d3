package city.gridcommand.api;

/**
 * A request the API refuses, with what RFC 9457 problem+json needs: the status, a short title, a
 * detail for the caller and, when one field is at fault, its name.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    /** 400: a query or body field has a value the API cannot use. */
    public static ProblemException badField(String field, String detail) {
        return new ProblemException(400, "Invalid request field", detail, field);
    }

    /** 404: the thing asked for does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
