package city.gridcommand.store;

/**
 * One entry of the durable change log: an event raised or updated, with its global {@code seq} (0
 * until logged) and the time of the change.
 */
public record EventChange(String type, StoredEvent event, long seq, long at) {

    public static final String RAISED = "event.raised";
    public static final String UPDATED = "event.updated";

    /** The contract's live message: {@code {"type","seq","ts","data"}}. */
    public io.vertx.core.json.JsonObject message() {
        return new io.vertx.core.json.JsonObject().put("type", type).put("seq", seq).put("ts", at)
                .put("data", event.body());
    }
}
