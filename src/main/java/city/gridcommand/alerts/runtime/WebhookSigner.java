package city.gridcommand.alerts.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook's request: {@code sha256=} and the lower-case hex of HMAC-SHA256 under the
 * webhook's secret (its UTF-8 bytes) over {@code {X-Grid-Timestamp}.{body}} (UTF-8), as GitHub and Stripe sign
 * theirs; the timestamp inside the signed text lets a receiver refuse a replayed old request.
 */
final class WebhookSigner {

    static final String PREFIX = "sha256=";

    private WebhookSigner() {
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
