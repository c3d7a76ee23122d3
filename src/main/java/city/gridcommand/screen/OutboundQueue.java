package city.gridcommand.screen;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages one connection has waiting to be sent, in the order they were offered, bounded in messages
 * and bytes. A message that must arrive (the snapshot, an event change) is either taken or refused when the
 * bounds are reached, never dropped afterwards; an ephemeral one (a worker's position, a device's status,
 * the stats) carries a key and replaces the waiting message of the same key in its place, so a slow
 * connection holds one position per worker whatever the rate, and one that does not fit is dropped. Thread
 * safe.
 */
final class OutboundQueue {

    /** The key of a message that must arrive: unique, never replaced. */
    private record Kept(long number) {
    }

    private final int maxMessages;
    private final long maxBytes;
    private final LinkedHashMap<Object, String> waiting = new LinkedHashMap<>();
    private long bytes;
    private long kept;

    OutboundQueue(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Queues a message that must arrive; false, and nothing queued, when it does not fit. A {@code forced}
     * one (the snapshot, whatever its size) is taken anyway and counts against what follows it.
     */
    synchronized boolean offerKept(String text, boolean forced) {
        long size = size(text);
        if (!forced && (waiting.size() + 1 > maxMessages || bytes + size > maxBytes)) {
            return false;
        }
        waiting.put(new Kept(kept++), text);
        bytes += size;
        return true;
    }

    /**
     * Queues an ephemeral message under its key, replacing the one waiting under that key (keeping its
     * place); a new key that does not fit is dropped. Returns whether the message is waiting now.
     */
    synchronized boolean offerLatest(String key, String text) {
        long size = size(text);
        String earlier = waiting.get(key);
        long without = earlier == null ? bytes : bytes - size(earlier);
        int count = earlier == null ? waiting.size() + 1 : waiting.size();
        if (count > maxMessages || without + size > maxBytes) {
            return false;
        }
        waiting.put(key, text);
        bytes = without + size;
        return true;
    }

    /** The next message to send, taken off the queue; null when none waits. */
    synchronized String poll() {
        Iterator<Map.Entry<Object, String>> first = waiting.entrySet().iterator();
        if (!first.hasNext()) {
            return null;
        }
        String text = first.next().getValue();
        first.remove();
        bytes -= size(text);
        return text;
    }

    synchronized int messages() {
        return waiting.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized void clear() {
        waiting.clear();
        bytes = 0;
    }

    private static long size(String text) {
        int ascii = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
            ascii++;
        }
        return ascii;
    }
}
