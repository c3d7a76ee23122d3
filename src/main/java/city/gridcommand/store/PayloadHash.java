package city.gridcommand.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint a signal's row keeps of the payload it was stored from: the first 8 bytes of the
 * payload's SHA-256, so that a message arriving again with the same key can be told apart as a true
 * redelivery (byte-identical) or a different message under the same key. 8 bytes rather than 32 because
 * it is stored with every row of the busiest tables; a chance collision between two different payloads
 * of one key (2^-64) is the only way a conflict can go unseen.
 */
final class PayloadHash {

    private static final HexFormat HEX = HexFormat.of();

    private PayloadHash() {
    }

    static long of(byte[] payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** As people compare it: the first 16 hex digits of the payload's SHA-256 ({@code sha256sum | cut -c1-16}). */
    static String text(long hash) {
        return "sha256:" + HEX.toHexDigits(hash);
    }
}
