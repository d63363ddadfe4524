package dev.leaktrace.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The registry with its per-thread newest-object slots: every object found once, from any thread. */
class RegistryTest {
    private static final TypeInfo TYPE = new TypeInfo("t.Res", o -> 8, o -> 8, "8", false, 0);

    private static TrackedRef claim(Registry registry, Object o, ThreadState thread, boolean mayRepeat) {
        return registry.claim(o, null, TYPE, thread, mayRepeat);
    }

    /** As the recorder drops: the thread's newest object from its slot, any other from the registry. */
    private static TrackedRef drop(Registry registry, Object o, ThreadState thread) {
        TrackedRef own = thread.newest;
        return own != null && own.refersTo(o) ? registry.takeNewest(thread, own) : registry.removeElsewhere(o);
    }

    @Test
    void anObjectDroppedOnItsOwnThreadIsFoundOnceAndGone() {
        Registry registry = new Registry();
        ThreadState thread = new ThreadState();
        Object a = new Object();
        TrackedRef entry = claim(registry, a, thread, false);
        assertThat(registry.size()).isEqualTo(1);
        assertThat(drop(registry, a, thread)).isSameAs(entry);
        assertThat(drop(registry, a, thread)).as("a second drop finds nothing").isNull();
        assertThat(registry.size()).isZero();
    }

    @Test
    void olderObjectsMoveIntoTheSegmentsAndAreFoundThere() {
        Registry registry = new Registry();
        ThreadState thread = new ThreadState();
        List<Object> objects = new ArrayList<>();
        List<TrackedRef> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Object o = new Object();
            objects.add(o);
            entries.add(claim(registry, o, thread, false));
        }
        assertThat(registry.size()).isEqualTo(1000);
        List<TrackedRef> seen = new ArrayList<>();
        registry.forEach(seen::add);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(entries);
        for (int i = 999; i >= 0; i--) {
            assertThat(drop(registry, objects.get(i), thread)).isSameAs(entries.get(i));
        }
        assertThat(registry.size()).isZero();
    }

    @Test
    void aRepeatedClaimOfAnObjectWhoseClassDelegatesIsRefused() {
        Registry registry = new Registry();
        ThreadState thread = new ThreadState();
        Object a = new Object();
        assertThat(claim(registry, a, thread, true)).isNotNull();
        assertThat(claim(registry, a, thread, true)).isNull();
        Object b = new Object();
        assertThat(claim(registry, b, thread, false)).isNotNull();
        assertThat(claim(registry, b, thread, true)).as("b is in the slot").isNull();
    }

    @Test
    void anotherThreadFindsTheNewestObjectOfAThreadThatHasMadeNoOtherSince() throws Exception {
        Registry registry = new Registry();
        Object a = new Object();
        TrackedRef[] made = new TrackedRef[1];
        Thread maker = new Thread(() -> made[0] = claim(registry, a, new ThreadState(), false));
        maker.start();
        maker.join();
        ThreadState dropper = new ThreadState();
        assertThat(drop(registry, a, dropper)).isSameAs(made[0]);
        assertThat(drop(registry, a, dropper)).isNull();
        assertThat(registry.size()).isZero();
    }

    @Test
    void aCollectedObjectIsReportedOnceWhetherInASlotOrASegment() {
        Registry registry = new Registry();
        ThreadState thread = new ThreadState();
        Object a = new Object();
        Object b = new Object();
        TrackedRef inSegment = claim(registry, a, thread, false);
        TrackedRef inSlot = claim(registry, b, thread, false);
        assertThat(registry.removeEntry(inSegment)).isTrue();
        assertThat(registry.removeEntry(inSegment)).isFalse();
        assertThat(registry.removeEntry(inSlot)).isTrue();
        assertThat(drop(registry, b, thread)).as("already reported by the GC").isNull();
        assertThat(registry.size()).isZero();
    }

    @Test
    void threadsThatEndedAreForgottenAndTheirNewestObjectStaysFindable() throws Exception {
        Registry registry = new Registry();
        Object a = new Object();
        Thread maker = new Thread(() -> claim(registry, a, new ThreadState(), false));
        maker.start();
        maker.join();
        registry.forgetFinishedThreads();
        assertThat(registry.size()).isEqualTo(1);
        assertThat(drop(registry, a, new ThreadState())).isNotNull();
    }

    /**
     * Makers keep tracing while droppers take their objects from other threads: the race between a
     * maker moving its newest object into a segment and a dropper taking it from the slot. Each
     * object must be reported exactly once, and none may be lost.
     */
    @Test
    void racingMakersAndDroppersReportEachObjectExactlyOnce() throws Exception {
        Registry registry = new Registry();
        int makers = 3;
        int perMaker = 100_000;
        ConcurrentLinkedQueue<Object> made = new ConcurrentLinkedQueue<>();
        AtomicInteger reported = new AtomicInteger();
        AtomicInteger doneMakers = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int m = 0; m < makers; m++) {
            threads.add(new Thread(() -> {
                ThreadState state = new ThreadState();
                await(start);
                for (int i = 0; i < perMaker; i++) {
                    Object o = new Object();
                    claim(registry, o, state, false);
                    made.add(o);
                    if (i % 3 == 0) {
                        Object mine = made.poll();
                        if (mine != null && drop(registry, mine, state) != null) {
                            reported.incrementAndGet();
                        }
                    }
                }
                doneMakers.incrementAndGet();
            }));
        }
        for (int d = 0; d < 2; d++) {
            threads.add(new Thread(() -> {
                ThreadState state = new ThreadState();
                await(start);
                while (doneMakers.get() < makers || !made.isEmpty()) {
                    Object o = made.poll();
                    if (o != null && drop(registry, o, state) != null) {
                        reported.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(reported.get()).isEqualTo(makers * perMaker);
        assertThat(registry.size()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
