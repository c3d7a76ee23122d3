package city.gridcommand.api;

import city.gridcommand.ingest.RejectReason;
import city.gridcommand.store.DeadLetterQuery;
import city.gridcommand.store.DeadLetterRepository;
import city.gridcommand.store.Page;
import city.gridcommand.store.StoredDeadLetter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/deadletters?reason=&from=&to=&limit=&before=}: the messages that could not be
 * used, newest first. {@code next} is the {@code before} cursor of the following page, or null.
 */
@Path("/api/v1/deadletters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** A page of dead letters. */
    public record Page(List<DeadLetterView> items, Long next) {
    }

    /**
     * One dead letter. {@code payload} is the kept bytes as UTF-8 text when they are valid UTF-8,
     * otherwise null and {@code payloadBase64} holds them; {@code truncated} says bytes were cut.
     */
    public record DeadLetterView(long id, String reason, String detail, String topic, String source, String senderId,
            long receivedAt, String payload, String payloadBase64, int payloadSize, boolean truncated) {

        static DeadLetterView of(StoredDeadLetter d) {
            String text = utf8(d.payload());
            return new DeadLetterView(d.id(), d.reason(), d.detail(), d.topic(), d.source(), d.senderId(),
                    d.receivedAt(), text, text == null ? Base64.getEncoder().encodeToString(d.payload()) : null,
                    d.payloadSize(), d.payload().length < d.payloadSize());
        }
    }

    private final DeadLetterRepository repository;

    DeadLetterResource(DeadLetterRepository repository) {
        this.repository = repository;
    }

    @GET
    public CompletionStage<Page> page(@QueryParam("reason") String reason, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("before") String before, @QueryParam("limit") String limit) {
        DeadLetterQuery query = new DeadLetterQuery(reason(reason), QueryParams.optionalLong("from", from),
                QueryParams.optionalLong("to", to), QueryParams.optionalLong("before", before),
                QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        return repository.page(query).thenApply(rows -> new Page(rows.stream().map(DeadLetterView::of).toList(),
                rows.size() == query.limit() ? rows.get(rows.size() - 1).id() : null));
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
