package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.api.SizeEstimator;
import java.lang.instrument.Instrumentation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepSizeTest {
    private final Instrumentation instrumentation = TestInstrumentation.get();

    static class Node {
        Node next;
        int value;
    }

    static class Holder {
        Object first;
        Object second;
        int[] numbers;
        Object[] objects;
    }

    private long size(Object o) {
        return instrumentation.getObjectSize(o);
    }

    private SizeEstimator deep(Class<?> type) throws SizeRuleException {
        return SizeRule.parse("deep").bind(type, instrumentation);
    }

    @Test
    void aCycleCountsEachObjectOnce() throws Exception {
        Node a = new Node();
        Node b = new Node();
        a.next = b;
        b.next = a;
        assertThat(deep(Node.class).estimate(a)).isEqualTo(size(a) + size(b));
    }

    @Test
    void sharedObjectsAreCountedOnceByIdentity() throws Exception {
        Holder holder = new Holder();
        Node shared = new Node();
        holder.first = shared;
        holder.second = shared;
        holder.objects = new Object[] {shared, shared, null};
        assertThat(deep(Holder.class).estimate(holder))
                .isEqualTo(size(holder) + size(shared) + size(holder.objects));
    }

    @Test
    void primitiveArraysCountTheirSizeAndReferenceArraysTheirElements() throws Exception {
        Holder holder = new Holder();
        holder.numbers = new int[1000];
        Node element = new Node();
        holder.objects = new Object[] {element};
        assertThat(deep(Holder.class).estimate(holder))
                .isEqualTo(size(holder) + size(holder.numbers) + size(holder.objects) + size(element));
    }

    @Test
    void stopsAtTheBoundAndReturnsWhatItCounted() throws Exception {
        Node head = chain(50);
        long nodeSize = size(head);
        assertThat(new DeepSize(10).bind(Node.class, instrumentation).estimate(head)).isEqualTo(10 * nodeSize);
        assertThat(deep(Node.class).estimate(head)).isEqualTo(50 * nodeSize);
    }

    @Test
    void theDefaultBoundIsAHundredThousandObjects() throws Exception {
        Node head = chain(DeepSize.DEFAULT_MAX_OBJECTS + 5_000);
        assertThat(deep(Node.class).estimate(head)).isEqualTo(DeepSize.DEFAULT_MAX_OBJECTS * size(head));
    }

    @Test
    void doesNotCrossIntoClassesClassLoadersOrThreads() throws Exception {
        Holder holder = new Holder();
        holder.first = Holder.class;
        holder.second = Thread.currentThread();
        holder.objects = new Object[] {getClass().getClassLoader(), Thread.currentThread()};
        assertThat(deep(Holder.class).estimate(holder)).isEqualTo(size(holder) + size(holder.objects));
    }

    @Test
    void doesNotFollowTheReferentOfAWeakReference() throws Exception {
        Holder holder = new Holder();
        byte[] big = new byte[100_000];
        WeakReference<byte[]> weak = new WeakReference<>(big);
        holder.first = weak;
        long total = deep(Holder.class).estimate(holder);
        assertThat(total).isGreaterThanOrEqualTo(size(holder) + size(weak)).isLessThan(size(big));
        assertThat(weak.get()).isSameAs(big); // keeps big reachable until here
    }

    @Test
    void followsPrivateFieldsOfJdkClasses() throws Exception {
        List<Object> list = new ArrayList<>();
        byte[] payload = new byte[10_000];
        list.add(payload);
        // ArrayList.elementData is private in java.util: counting the payload proves it was followed.
        assertThat(deep(ArrayList.class).estimate(list)).isGreaterThan(size(list) + size(payload));
    }

    @Test
    void theRootIsMeasuredEvenWhenItIsAThread() throws Exception {
        Thread thread = new Thread(() -> {});
        assertThat(deep(Thread.class).estimate(thread)).isGreaterThanOrEqualTo(size(thread));
    }

    private static Node chain(int length) {
        Node head = new Node();
        Node tail = head;
        for (int i = 1; i < length; i++) {
            tail.next = new Node();
            tail = tail.next;
        }
        return head;
    }
}
