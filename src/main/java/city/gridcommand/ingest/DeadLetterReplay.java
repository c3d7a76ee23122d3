package city.gridcommand.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Re-injects stored dead letters through the message path, as if the broker had delivered them again:
 * after a fix (a trigger dropped, a column widened) or a registration. Each is decoded, admitted, placed,
 * judged and written like any message; once it is durable again (stored, a duplicate, or a new dead
 * letter if it fails again) the old dead letter is marked replayed and is not taken by a later replay.
 *
 * <p>Bounded: dead letters are read a page at a time and the next page is read only once the previous
 * one is durable, so a replay holds at most {@link #PAGE} messages in memory and in flight, whatever
 * matches. It takes no dead letter written after it started (its own new ones among them). Nothing here
 * blocks: each step runs when the one before completes. One replay at a time per instance.
 *
 * <p>A dead letter is marked once its message is durable, not in the same transaction: if the service
 * dies in between, a later replay takes it again, and the message is a counted duplicate (or a second
 * dead letter), never lost.
 */
public final class DeadLetterReplay {

    /** Dead letters read and re-injected at a time. */
    static final int PAGE = 100;

    /**
     * What a replay did.
     *
     * @param replayed dead letters whose message is durable again, now marked replayed
     * @param failed   dead letters whose message could not be made durable, left unmarked
     * @param more     whether more matching dead letters were left for another replay ({@code limit} reached)
     */
    public record Outcome(int replayed, int failed, boolean more) {
    }

    private final DeadLetterArchive archive;
    private final IngestPipeline pipeline;
    private final IngestCounters counters;
    private final LongSupplier clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public DeadLetterReplay(DeadLetterArchive archive, IngestPipeline pipeline, IngestCounters counters,
            LongSupplier clock) {
        this.archive = archive;
        this.pipeline = pipeline;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * Replays at most {@code limit} dead letters matching {@code filter}, oldest first; empty when a replay
     * is already running on this instance.
     */
    public Optional<CompletionStage<Outcome>> start(DeadLetterArchive.Filter filter, int limit) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        CompletionStage<Outcome> done;
        try {
            done = archive.newestId().thenCompose(upTo -> next(new Run(filter, upTo, limit), 0));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return Optional.of(done.whenComplete((outcome, error) -> running.set(false)));
    }

    /** One replay's progress; touched by one step at a time. */
    private static final class Run {
        final DeadLetterArchive.Filter filter;
        final long upTo;
        final int limit;
        int replayed;
        int failed;

        Run(DeadLetterArchive.Filter filter, long upTo, int limit) {
            this.filter = filter;
            this.upTo = upTo;
            this.limit = limit;
        }

        Outcome outcome(boolean more) {
            return new Outcome(replayed, failed, more);
        }
    }

    private CompletionStage<Outcome> next(Run run, long afterId) {
        int want = Math.min(PAGE, run.limit - run.replayed - run.failed);
        if (want <= 0) {
            return archive.unreplayed(run.filter, afterId, run.upTo, 1).thenApply(rest -> run.outcome(!rest.isEmpty()));
        }
        return archive.unreplayed(run.filter, afterId, run.upTo, want).thenCompose(page -> {
            if (page.isEmpty()) {
                return CompletableFuture.completedFuture(run.outcome(false));
            }
            long last = page.get(page.size() - 1).id();
            return reinject(page).thenCompose(this::mark).thenCompose(marked -> {
                run.replayed += marked;
                run.failed += page.size() - marked;
                return page.size() < want ? CompletableFuture.completedFuture(run.outcome(false)) : next(run, last);
            });
        });
    }

    /** Hands the page to the pipeline; completes with the ids of those now durable. */
    private CompletionStage<List<Long>> reinject(List<DeadLetterArchive.Kept> page) {
        List<Durability> outcomes = new ArrayList<>(page.size());
        for (DeadLetterArchive.Kept letter : page) {
            Durability durability = new Durability();
            outcomes.add(durability);
            pipeline.accept(new InboundMessage(letter.topic(), letter.payload(), letter.receivedAt(), durability));
        }
        CompletableFuture<?>[] all = outcomes.stream().map(o -> o.durable).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(v -> {
            List<Long> ids = new ArrayList<>(page.size());
            for (int i = 0; i < page.size(); i++) {
                if (outcomes.get(i).durable.join()) {
                    ids.add(page.get(i).id());
                }
            }
            return ids;
        });
    }

    /** A replayed message's acknowledgement: whether it became durable. */
    private static final class Durability implements Acknowledgement {
        final CompletableFuture<Boolean> durable = new CompletableFuture<>();

        @Override
        public void acknowledge() {
            durable.complete(true);
        }

        @Override
        public void redeliver() {
            durable.complete(false);
        }
    }

    private CompletionStage<Integer> mark(List<Long> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        return archive.markReplayed(ids, clock.getAsLong()).thenApply(v -> {
            counters.replayed(ids.size());
            return ids.size();
        });
    }
}
