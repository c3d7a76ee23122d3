package city.gridcommand.event;

import city.gridcommand.signal.Detection;
import city.gridcommand.signal.Signal;
import city.gridcommand.signal.Telemetry;
import city.gridcommand.signal.WorkerPosition;

/**
 * What raised a trigger: the sender's kind ({@code sensor}, {@code camera}, {@code worker} or
 * {@code device} for a sender known only by its status), its id, the message's {@code seq} when the feed
 * has one, and the signal's own publish time {@code ts}, so a client can measure signal-to-screen latency.
 */
public record TriggerSource(String kind, String id, Long seq, long ts) {

    /** The source of a signal as it arrived. */
    public static TriggerSource of(Signal signal) {
        return new TriggerSource(SourceKind.of(signal).wireName(), signal.senderId(), seqOf(signal), signal.ts());
    }

    /** Kind and id together: what makes two sources distinct. */
    public String key() {
        return kind + '/' + id;
    }

    static Long seqOf(Signal signal) {
        if (signal instanceof Telemetry t) {
            return t.seq();
        }
        if (signal instanceof Detection d) {
            return d.seq();
        }
        if (signal instanceof WorkerPosition p) {
            return p.seq();
        }
        return null;
    }
}
