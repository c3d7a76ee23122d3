package city.gridcommand.testing;

import city.gridcommand.ingest.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Many kinds of broken telemetry, each with the reason the service must give for it. */
public final class MalformedPayloads {

    /** One broken message: its payload and the reason it must be dead-lettered with. */
    public record Case(byte[] payload, RejectReason reason) {
    }

    private MalformedPayloads() {
    }

    /** {@code n} cases cycling through every kind, with seeded randomness so failures reproduce. */
    public static List<Case> generate(int n, long seed, long now) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cases.add(kind(i % 16, random, now, i));
        }
        return cases;
    }

    private static Case kind(int kind, Random random, long now, int i) {
        return switch (kind) {
            case 0 -> new Case(randomBytes(random), RejectReason.MALFORMED_JSON);
            case 1 -> new Case(huge(), RejectReason.OVERSIZED_PAYLOAD);
            case 2 -> json("{\"ts\":" + now + ",\"seq\":\"" + i + "\",\"metrics\":{\"t\":1}}", RejectReason.WRONG_TYPE);
            case 3 -> json("{\"ts\":" + now + ",\"seq\":" + i + ",\"metrics\":{\"t\":NaN}}", RejectReason.MALFORMED_JSON);
            case 4 -> json("{\"ts\":" + now + ",\"seq\":" + i + ",\"metrics\":{\"t\":1},\"lat\":" + (90 + random.nextInt(1000))
                    + ",\"lon\":10}", RejectReason.COORDINATE_OUT_OF_RANGE);
            case 5 -> json("{\"ts\":" + now + ",\"seq\":" + i + ",\"metrics\":{\"t\":1},\"lat\":10,\"lon\":-"
                    + (181 + random.nextInt(1000)) + "}", RejectReason.COORDINATE_OUT_OF_RANGE);
            case 6 -> json("{\"seq\":" + i + ",\"metrics\":{\"t\":1}}", RejectReason.MISSING_FIELD);
            case 7 -> json("{\"ts\":" + now + ",\"seq\":" + i + "}", RejectReason.MISSING_FIELD);
            case 8 -> json("[" + i + "]", RejectReason.NOT_AN_OBJECT);
            case 9 -> json("", RejectReason.MALFORMED_JSON);
            case 10 -> json("{\"ts\":" + (now + 86_400_000L) + ",\"seq\":" + i + ",\"metrics\":{\"t\":1}}",
                    RejectReason.IMPLAUSIBLE_TIMESTAMP);
            case 11 -> json("{\"ts\":" + now + ",\"seq\":" + i + ",\"metrics\":{\"t\":true}}", RejectReason.WRONG_TYPE);
            case 12 -> json("{\"ts\":" + now + ",\"seq\":" + i + ",\"metrics\":{\"t\":1e999}}", RejectReason.INVALID_VALUE);
            case 13 -> json("{\"ts\":" + now + ",\"seq\":-" + (i + 1) + ",\"metrics\":{\"t\":1}}", RejectReason.INVALID_VALUE);
            case 14 -> json("{\"ts\":" + now + ",\"seq\":" + i + ",\"metrics\":{\"t\":1}} trailing", RejectReason.MALFORMED_JSON);
            default -> json("\"just a string\"", RejectReason.NOT_AN_OBJECT);
        };
    }

    private static Case json(String text, RejectReason reason) {
        return new Case(text.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(300)];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xff; // never a JSON start, never valid UTF-8
        return bytes;
    }

    private static byte[] huge() {
        StringBuilder text = new StringBuilder("{\"ts\":1,\"seq\":1,\"metrics\":{\"t\":1},\"pad\":\"");
        text.append("x".repeat(100_000)).append("\"}");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
