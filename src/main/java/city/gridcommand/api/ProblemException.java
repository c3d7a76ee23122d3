package city.gridcommand.api;

/**
 * A request the API refuses, with what RFC 9457 problem+json needs: the status, a short title, a
 * detail for the caller and, when one field is at fault, its name.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;
    private final String cell;

    public ProblemException(int status, String title, String detail, String field) {
        this(status, title, detail, field, null);
    }

    private ProblemException(int status, String title, String detail, String field, String cell) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
        this.cell = cell;
    }

    /**
     * 403: the cell (of the thing asked for, or asked with) is outside the cells of the caller's token.
     *
     * @param field the request field that named the cell, or null when the cell is the thing's own
     * @param scope the caller's cells, for the detail
     */
    public static ProblemException outsideScope(String field, String cell, Object scope) {
        return new ProblemException(403, "Outside your cells", "cell " + cell + " is outside the cells of your "
                + "token (" + scope + ")", field, cell);
    }

    /**
     * 403: the thing is in no cell (a worker with no assigned cell, a device mounted outside the grid), so
     * it is the whole city's and only a token covering every cell reaches it.
     */
    public static ProblemException inNoCell(String field, String detail) {
        return new ProblemException(403, "Outside your cells", detail, field, null);
    }

    /** 403: the caller's roles do not allow this, whatever the cell. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Not allowed for your role", detail, null, null);
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

    /** The cell outside the caller's scope, for a 403 by scope; else null. */
    public String cell() {
        return cell;
    }
}
