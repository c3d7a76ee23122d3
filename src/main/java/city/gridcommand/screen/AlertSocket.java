package city.gridcommand.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * One open {@code /ws/v1/alerts} connection of a person. Alerts that arrive while the person's open alerts
 * are still being read are held, and sent after them, so the socket never shows an older state of an alert
 * after a newer one.
 */
final class AlertSocket {

    /** Alerts held while opening beyond this close the socket (4408): the person reconnects and reads them. */
    static final int MOST_HELD = 500;

    /** Where the socket's text goes. */
    interface Sink {
        void send(String text);

        void close(int code, String reason);
    }

    private final String id;
    private final String personId;
    private final Sink sink;
    private volatile long lastHeard;
    private List<String> held = new ArrayList<>();
    private boolean closed;

    AlertSocket(String id, String personId, Sink sink, long now) {
        this.id = id;
        this.personId = personId;
        this.sink = sink;
        this.lastHeard = now;
    }

    String id() {
        return id;
    }

    String personId() {
        return personId;
    }

    long lastHeard() {
        return lastHeard;
    }

    void heard(long now) {
        lastHeard = now;
    }

    /** An alert for the person: sent now, or held until the open ones are sent. */
    synchronized void offer(String text) {
        if (closed) {
            return;
        }
        if (held == null) {
            sink.send(text);
        } else if (held.size() < MOST_HELD) {
            held.add(text);
        } else {
            close(4408, "too many alerts while opening; reconnect");
        }
    }

    /** The person's open alerts first, then what arrived meanwhile; from here on alerts go straight out. */
    synchronized void opened(List<String> open) {
        if (closed || held == null) {
            return;
        }
        open.forEach(sink::send);
        held.forEach(sink::send);
        held = null;
    }

    /** A reply to the person's own message: sent at once (not an alert, nothing to keep in order with). */
    void reply(String text) {
        sink.send(text);
    }

    synchronized void close(int code, String reason) {
        if (!closed) {
            closed = true;
            held = null;
            sink.close(code, reason);
        }
    }
}
