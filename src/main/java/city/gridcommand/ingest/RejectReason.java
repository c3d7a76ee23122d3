package city.gridcommand.ingest;

import java.util.Locale;

/** Why a message could not be used. Every dead letter and every rejection counter carries one. */
public enum RejectReason {
    /** The payload is larger than the configured limit. */
    OVERSIZED_PAYLOAD,
    /** The topic is not one of the contract's feeds. */
    UNKNOWN_TOPIC,
    /** The sender id in the topic is empty, too long or has characters outside [A-Za-z0-9._:-]. */
    INVALID_SENDER_ID,
    /** The payload is not JSON (bad syntax, NaN, trailing garbage, not UTF-8). */
    MALFORMED_JSON,
    /** The payload is JSON but not an object. */
    NOT_AN_OBJECT,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type. */
    WRONG_TYPE,
    /** A field has the right type but an unusable value (negative seq, empty string, too long…). */
    INVALID_VALUE,
    /** lat/lon outside [-90,90]/[-180,180] or not finite. */
    COORDINATE_OUT_OF_RANGE,
    /** ts too far in the future or older than the retention window. */
    IMPLAUSIBLE_TIMESTAMP,
    /** Registration is required and the device or worker is not registered. */
    UNKNOWN_SENDER,
    /** The database refused the row itself (not a transient failure); found by isolating it in its batch. */
    STORE_REJECTED,
    /**
     * A message with the key of a stored one (its feed's unique key) but a different payload: not a
     * redelivery, and not stored a second time; the detail names both payloads' hashes.
     */
    CONFLICTING_DUPLICATE,
    /** A gateway's reading for a device (or terminal) registered behind another gateway, or behind none. */
    NOT_BEHIND_GATEWAY;

    /** The lower-case code used in REST filters, JSON and metric tags. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #code()} (case-insensitive); null when it names no reason. */
    public static RejectReason fromCode(String code) {
        for (RejectReason reason : values()) {
            if (reason.code().equalsIgnoreCase(code)) {
                return reason;
            }
        }
        return null;
    }
}
