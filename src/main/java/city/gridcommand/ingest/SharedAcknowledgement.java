package city.gridcommand.ingest;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The acknowledgement each reading of one broker message (a gateway's batch) holds: the message is
 * acknowledged once every reading is durable (stored or dead-lettered), and handed back to the broker
 * instead if any reading could not be made durable (the broker sends the whole message again; what was
 * stored of it then counts as duplicates). Whichever reading finishes last tells the message, once.
 */
final class SharedAcknowledgement implements Acknowledgement {

    private final Acknowledgement message;
    private final AtomicInteger remaining;
    private final AtomicBoolean givenBack = new AtomicBoolean();

    /** @param parts how many readings share the message; at least one */
    SharedAcknowledgement(Acknowledgement message, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a message shared by " + parts + " readings");
        }
        this.message = message;
        this.remaining = new AtomicInteger(parts);
    }

    @Override
    public void acknowledge() {
        if (remaining.decrementAndGet() == 0) {
            finish();
        }
    }

    @Override
    public void redeliver() {
        givenBack.set(true);
        if (remaining.decrementAndGet() == 0) {
            finish();
        }
    }

    private void finish() {
        if (givenBack.get()) {
            message.redeliver();
        } else {
            message.acknowledge();
        }
    }
}
