package city.gridcommand.ingest;

import java.util.function.IntConsumer;

/**
 * Carries "n more messages may come" from the write-behind, which frees room, to the MQTT flow, which
 * asks the client for more. It breaks what would otherwise be a cycle between the two.
 */
public final class DemandRelay implements IntConsumer {

    private volatile IntConsumer target = n -> { };

    /** Points the relay at the flow that currently receives messages. */
    public void attach(IntConsumer target) {
        this.target = target;
    }

    @Override
    public void accept(int n) {
        target.accept(n);
    }
}
