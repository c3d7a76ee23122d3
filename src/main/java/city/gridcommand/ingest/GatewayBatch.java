package city.gridcommand.ingest;

import city.gridcommand.signal.SignalSource;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A gateway's batch taken apart, its readings not yet decoded: {@code {"devices":{"smk-1":[{…},{…}],…}}}
 * ({@code "workers"} for acks). Each reading is kept as the bytes it stands in the payload, which are the
 * payload its device would have published alone, so it is decoded, fingerprinted and deduplicated as if it
 * had (the same batch sent again yields the same bytes: duplicates). Read with Jackson's streaming parser,
 * without a tree. Pure.
 *
 * <p>What makes the whole batch unusable (not JSON, not an object, the member missing or not an object, no
 * reading at all) throws; what makes one device's entry unusable (its id, or readings not in an array) is
 * kept as that entry's problem, and the other entries stand.
 */
public final class GatewayBatch {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One device (or terminal) of the batch: its readings' bytes, or the problem with its entry; {@code raw}
     * is the entry as it stands (its readings' array), kept for the dead letter of a problem.
     */
    public record Entry(String senderId, List<byte[]> readings, RejectedMessageException problem, byte[] raw) {
    }

    private GatewayBatch() {
    }

    /** The member that holds the entries: {@code workers} for terminals' acks, {@code devices} otherwise. */
    public static String member(SignalSource source) {
        return source == SignalSource.WORKER_ACK ? "workers" : "devices";
    }

    /** The entries of a batch of {@code source}, in payload order. */
    public static List<Entry> entries(SignalSource source, byte[] payload) throws RejectedMessageException {
        String member = member(source);
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new RejectedMessageException(RejectReason.MALFORMED_JSON, "payload is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                throw new RejectedMessageException(RejectReason.NOT_AN_OBJECT, "payload must be a JSON object");
            }
            List<Entry> entries = new ArrayList<>();
            boolean present = false;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals(member) || value == JsonToken.VALUE_NULL) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    requireWellFormed(parser);
                    throw JsonFields.wrongType(member, "an object of " + noun(source) + " ids to arrays of readings");
                }
                present = true;
                entries.addAll(readEntries(parser, payload, member));
            }
            requireEnd(parser);
            if (!present) {
                throw new RejectedMessageException(RejectReason.MISSING_FIELD, "field '" + member + "' is required");
            }
            if (entries.stream().allMatch(e -> e.problem() == null && e.readings().isEmpty())) {
                throw JsonFields.invalid(member, "holds no readings");
            }
            return entries;
        } catch (IOException e) {
            throw new RejectedMessageException(RejectReason.MALFORMED_JSON, "payload is not valid JSON: "
                    + SignalDecoder.firstLine(e.getMessage()));
        }
    }

    /**
     * A batch of one reading: what is kept of a refused reading, so the dead letter is itself a message its
     * gateway could have sent, replayed as it is.
     */
    public static byte[] alone(SignalSource source, String senderId, byte[] reading) {
        return wrap(source, senderId, concat('[', reading, ']'));
    }

    /** A batch of one entry as it stood ({@link Entry#raw()}), for the dead letter of an entry. */
    static byte[] entryAlone(SignalSource source, String senderId, byte[] raw) {
        return wrap(source, senderId, raw);
    }

    private static byte[] wrap(SignalSource source, String senderId, byte[] value) {
        String head = "{\"" + member(source) + "\":{\"" + new String(JsonStringEncoder.getInstance()
                .quoteAsString(senderId)) + "\":";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + value.length + 2);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes("}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<Entry> readEntries(JsonParser parser, byte[] payload, String member) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String id = parser.currentName();
            JsonToken value = parser.nextToken();
            int start = (int) parser.currentTokenLocation().getByteOffset();
            if (value != JsonToken.START_ARRAY) {
                skipValue(parser);
                byte[] raw = slice(payload, start, parser);
                entries.add(new Entry(id, List.of(), JsonFields.wrongType(member + "." + id, "an array of readings"),
                        raw));
                continue;
            }
            List<byte[]> readings = new ArrayList<>();
            for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                int from = (int) parser.currentTokenLocation().getByteOffset();
                skipValue(parser);
                readings.add(slice(payload, from, parser));
            }
            byte[] raw = slice(payload, start, parser);
            RejectedMessageException problem = TopicAddress.isValidSenderId(id) ? null
                    : new RejectedMessageException(RejectReason.INVALID_SENDER_ID, "id '" + clip(id) + "' in '"
                            + member + "' must be 1-" + TopicAddress.MAX_SENDER_ID_LENGTH
                            + " characters of [A-Za-z0-9._:-]");
            entries.add(problem == null ? new Entry(id, readings, null, raw) : new Entry(id, List.of(), problem, raw));
        }
        return entries;
    }

    /** Moves past the current value (a scalar is read whole, so the location is past its end). */
    private static void skipValue(JsonParser parser) throws IOException {
        if (parser.currentToken().isStructStart()) {
            parser.skipChildren();
        } else {
            parser.finishToken();
        }
    }

    /** The payload's bytes from {@code start} to the end of the token just read. */
    private static byte[] slice(byte[] payload, int start, JsonParser parser) {
        int end = (int) parser.currentLocation().getByteOffset();
        return Arrays.copyOfRange(payload, start, end);
    }

    private static void requireWellFormed(JsonParser parser) throws IOException {
        while (parser.nextToken() != null) {
            parser.skipChildren();
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException, RejectedMessageException {
        if (parser.nextToken() != null) {
            throw new RejectedMessageException(RejectReason.MALFORMED_JSON, "payload is not valid JSON: trailing data");
        }
    }

    private static String noun(SignalSource source) {
        return source == SignalSource.WORKER_ACK ? "worker" : "device";
    }

    private static String clip(String id) {
        return id.length() > 80 ? id.substring(0, 80) + "…" : id;
    }

    private static byte[] concat(char open, byte[] middle, char close) {
        byte[] out = new byte[middle.length + 2];
        out[0] = (byte) open;
        System.arraycopy(middle, 0, out, 1, middle.length);
        out[out.length - 1] = (byte) close;
        return out;
    }
}
