package city.gridcommand.store;

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
    /** One digest per writing thread: looking a provider up and allocating one per message was the cost. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(PayloadHash::sha256);

    private PayloadHash() {
    }

    static long of(byte[] payload) {
        byte[] digest = SHA_256.get().digest(payload); // digest() also resets it for the next payload
        long first = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            first = (first << 8) | (digest[i] & 0xFF);
        }
        return first;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** As people compare it: the first 16 hex digits of the payload's SHA-256 ({@code sha256sum | cut -c1-16}). */
    static String text(long hash) {
        return "sha256:" + HEX.toHexDigits(hash);
    }
}
