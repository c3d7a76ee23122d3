package city.gridcommand.store;

import city.gridcommand.rules.EventTrigger;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Raises events from rule triggers, or joins the open event of the same (cell, category). */
public final class EventJoins {

    private final CaseOpening opening;

    public EventJoins(CaseOpening opening) {
        this.opening = opening;
    }

    /**
     * One raise or join per trigger, in (cell, category) order so that concurrent batches take the
     * events' row locks in the same order and cannot deadlock.
     */
    public Future<List<EventChange>> apply(SqlConnection connection, List<EventTrigger> triggers, long now) {
        List<EventTrigger> ordered = new ArrayList<>(onePerSignal(triggers));
        ordered.sort(Comparator.comparing(EventTrigger::cell).thenComparing(EventTrigger::category));
        List<EventChange> changes = new ArrayList<>(ordered.size());
        Future<Void> chain = Future.succeededFuture();
        for (EventTrigger t : ordered) {
            chain = chain.compose(v -> EventUpsert.apply(connection, raise(t, now), "rule:" + t.ruleId(), now))
                    .map(change -> {
                        changes.add(change);
                        return null;
                    });
        }
        return chain.map(v -> changes);
    }

    /**
     * One signal can draw several triggers for the same event (its own rule and a composite, smoke and
     * heat from one reading): it counts once, at the highest severity drawn.
     */
    static java.util.Collection<EventTrigger> onePerSignal(List<EventTrigger> triggers) {
        java.util.Map<List<Object>, EventTrigger> bySignal = new java.util.LinkedHashMap<>();
        for (EventTrigger t : triggers) {
            List<Object> key = java.util.Arrays.asList(t.cell(), t.category(), t.source().kind(), t.source().id(),
                    t.source().seq(), t.source().ts());
            bySignal.merge(key, t, (a, b) -> b.severity().compareTo(a.severity()) > 0 ? b : a);
        }
        return bySignal.values();
    }

    private EventUpsert.Raise raise(EventTrigger t, long now) {
        CaseOpening.Opening o = opening.open(t.category(), t.severity(), t.cellPath(), now);
        if (t.department() != null) {
            // the rule names who answers for what it raises
            o = new CaseOpening.Opening(o.category(), o.severity(), o.level(), t.department(), o.step(), o.deadline());
        }
        JsonObject trigger = new JsonObject().put("source", t.source().kind()).put("id", t.source().id())
                .put("seq", t.source().seq()).put("ts", t.source().ts()).put("rule", t.ruleId());
        return EventUpsert.Raise.of(o, t.cell(), t.cellPath(), "rule", t.source().kind(), t.source().id(), null,
                trigger, null, t.source().kind() + ":" + t.source().id());
    }
}
