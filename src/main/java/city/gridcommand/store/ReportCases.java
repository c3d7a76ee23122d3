package city.gridcommand.store;

import city.gridcommand.ingest.PendingItem;
import city.gridcommand.signal.WorkerReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns new worker reports (信息采集 from the terminals) into cases: a report opens a case in its cell,
 * or joins the open one of the same category there. A report in no base cell is stored but opens no
 * case: there is no cell to dispatch it in.
 */
public final class ReportCases {

    private final CaseOpening opening;

    public ReportCases(CaseOpening opening) {
        this.opening = opening;
    }

    Future<List<EventChange>> apply(SqlConnection connection, List<PendingItem> reports, long now) {
        List<EventChange> changes = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (PendingItem item : reports) {
            if (item.placement() == null || item.placement().location() == null || item.placement().outside()) {
                continue;
            }
            chain = chain.compose(v -> EventUpsert.apply(connection, raise(item, now), item.signal().senderId(), now))
                    .map(change -> {
                        changes.add(change);
                        return null;
                    });
        }
        return chain.map(v -> changes);
    }

    private EventUpsert.Raise raise(PendingItem item, long now) {
        WorkerReport r = (WorkerReport) item.signal();
        var at = item.placement().location();
        CaseOpening.Opening o = opening.open(r.category(), r.severity(), at.path(), now);
        JsonObject trigger = new JsonObject().put("source", "worker").put("id", r.senderId()).put("ts", r.ts())
                .put("reportId", r.reportId().toString());
        return EventUpsert.Raise.of(o, at.baseCell(), at.path(), "report", "worker", r.senderId(), r.reportId(), trigger,
                r.description(), "worker:" + r.senderId());
    }
}
