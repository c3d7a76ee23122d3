package city.gridcommand.api;

import city.gridcommand.access.Caller;
import city.gridcommand.access.StaffRole;
import city.gridcommand.signin.Callers;
import city.gridcommand.audit.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import city.gridcommand.ingest.DeadLetterArchive;
import city.gridcommand.ingest.DeadLetterReplay;
import city.gridcommand.ingest.RejectReason;
import city.gridcommand.store.DeadLetterQuery;
import city.gridcommand.store.DeadLetterRepository;
import city.gridcommand.store.Page;
import city.gridcommand.store.StoredDeadLetter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/deadletters?reason=&from=&to=&limit=&before=}: the messages that could not be
 * used, newest first, each with the first {@value DeadLetterRepository#PAGE_PAYLOAD_BYTES} bytes of its
 * payload. {@code next} is the {@code before} cursor of the following page, or null.
 * {@code GET /api/v1/deadletters/{id}}: one, with all of its kept payload.
 * {@code POST /api/v1/deadletters/replay?reason=&from=&to=&limit=}: re-injects them through the message
 * path ({@link DeadLetterReplay}).
 */
@Path("/api/v1/deadletters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_REPLAY_LIMIT = 1000;
    private static final int MAX_REPLAY_LIMIT = 100_000;

    /** A page of dead letters. */
    public record Page(List<DeadLetterView> items, Long next) {
    }

    /**
     * One dead letter. {@code payload} is the bytes shown as UTF-8 text when they are valid UTF-8,
     * otherwise null and {@code payloadBase64} holds them; {@code truncated} says fewer bytes are shown than
     * arrived; {@code replayedAt} is when a replay made its message durable again, or null; {@code gateway}
     * is the gateway the message came through, or null.
     */
    public record DeadLetterView(long id, String reason, String detail, String topic, String source, String senderId,
            long receivedAt, String payload, String payloadBase64, int payloadSize, boolean truncated,
            Long replayedAt, String gateway) {

        static DeadLetterView of(StoredDeadLetter d) {
            String text = utf8(d.payload());
            return new DeadLetterView(d.id(), d.reason(), d.detail(), d.topic(), d.source(), d.senderId(),
                    d.receivedAt(), text, text == null ? Base64.getEncoder().encodeToString(d.payload()) : null,
                    d.payloadSize(), d.payload().length < d.payloadSize(), d.replayedAt(), d.gatewayId());
        }
    }

    private final DeadLetterRepository repository;
    private final DeadLetterReplay replay;
    private final Callers callers;
    private final AuditTrail audit;

    DeadLetterResource(DeadLetterRepository repository, DeadLetterReplay replay, Callers callers, AuditTrail audit) {
        this.repository = repository;
        this.replay = replay;
        this.callers = callers;
        this.audit = audit;
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @GET
    public CompletionStage<Page> page(@QueryParam("reason") String reason, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") String before, @QueryParam("limit") String limit,
            @QueryParam("gateway") String gateway) {
        WholeCity.require(callers.current(), "dead letters");
        DeadLetterQuery query = new DeadLetterQuery(reason(reason), QueryParams.optionalLong("from", from),
                QueryParams.optionalLong("to", to), QueryParams.optionalLong("before", before),
                QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), gateway);
        return repository.page(query).thenApply(rows -> new Page(rows.stream().map(DeadLetterView::of).toList(),
                rows.size() == query.limit() ? rows.get(rows.size() - 1).id() : null));
    }

    @RolesAllowed(StaffRole.ADMIN_NAME)
    @GET
    @Path("{id}")
    public CompletionStage<DeadLetterView> one(@PathParam("id") String id) {
        WholeCity.require(callers.current(), "dead letters");
        long key = id(id);
        return repository.find(key).thenApply(found -> found.map(DeadLetterView::of)
                .orElseThrow(() -> ProblemException.notFound("no dead letter " + key)));
    }

    /**
     * Replays at most {@code limit} (default {@value #DEFAULT_REPLAY_LIMIT}) matching dead letters that were
     * never replayed and kept their whole payload, oldest first, and answers once they are durable again
     * and the replay (its filters and outcome) is in the audit trail.
     */
    @RolesAllowed(StaffRole.ADMIN_NAME)
    @POST
    @Path("replay")
    public CompletionStage<DeadLetterReplay.Outcome> replay(@QueryParam("reason") String reason,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        WholeCity.require(caller, "dead letters");
        AuditTrail.Who who = audit.who(caller);
        DeadLetterArchive.Filter filter = new DeadLetterArchive.Filter(reason(reason),
                QueryParams.optionalLong("from", from), QueryParams.optionalLong("to", to));
        int most = QueryParams.limit(limit, DEFAULT_REPLAY_LIMIT, MAX_REPLAY_LIMIT);
        return replay.start(filter, most).orElseThrow(() -> new ProblemException(409, "Replay already running",
                "a replay of dead letters is already running on this instance; try again when it is done", null))
                .thenCompose(outcome -> {
                    Map<String, Object> filters = new LinkedHashMap<>();
                    filters.put("reason", filter.reason() == null ? null : filter.reason().code());
                    filters.put("from", filter.from());
                    filters.put("to", filter.to());
                    filters.put("limit", most);
                    Map<String, Object> done = new LinkedHashMap<>();
                    done.put("replayed", outcome.replayed());
                    done.put("failed", outcome.failed());
                    done.put("more", outcome.more());
                    return who.record(AuditEntry.DEADLETTERS_REPLAY, null, null,
                            Map.of("filters", filters, "outcome", done)).thenApply(v -> outcome);
                });
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "a dead letter's id is an integer, not '" + id + "'");
        }
    }

    private static RejectReason reason(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        RejectReason reason = RejectReason.fromCode(code.trim());
        if (reason == null) {
            throw ProblemException.badField("reason", "'reason' must be one of "
                    + Arrays.stream(RejectReason.values()).map(RejectReason::code).collect(Collectors.joining(", ")));
        }
        return reason;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
