package city.gridcommand.cases;

import java.util.Objects;

/** Who reported a case: its kind and id (a worker id, a device id, a hotline ticket, a staff account). */
public record Reporter(ReporterKind kind, String id) {

    public Reporter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Reporter worker(String workerId) {
        return new Reporter(ReporterKind.WORKER, workerId);
    }
}
