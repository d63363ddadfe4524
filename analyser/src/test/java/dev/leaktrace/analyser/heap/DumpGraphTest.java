package dev.leaktrace.analyser.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on a real dump of this JVM, written once for all tests: a static list holding
 * {@link #N} items, each with a payload, and an item held by a weak reference only.
 */
class DumpGraphTest {
    static final int N = 37;
    static final List<Item> LIST = new ArrayList<>();
    static final WeakReference<Item> WEAK = new WeakReference<>(new Item(-1));

    static final class Item {
        final int number;
        final byte[] payload = new byte[100];
        final Object tag;

        Item(int number) {
            this.number = number;
            this.tag = number == 0 ? null : List.of(number);
        }
    }

    @TempDir
    static Path dir;
    static Path file;
    static DumpGraph graph;
    static ClassLayouts layouts;

    @BeforeAll
    static void dump() throws Exception {
        for (int i = 0; i < N; i++) {
            LIST.add(new Item(i));
        }
        file = dir.resolve("test.hprof");
        // live=false: no GC first, so the weakly held item is still in the dump.
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), false);
        graph = DumpGraph.read(file);
        layouts = new ClassLayouts(graph);
    }

    @AfterAll
    static void close() throws Exception {
        graph.close();
    }

    private static List<Integer> instancesOf(String className) {
        DumpClass type = graph.classNamed(className);
        assertThat(type).as(className).isNotNull();
        List<Integer> found = new ArrayList<>();
        for (int n = 0; n < graph.count; n++) {
            if (graph.kinds[n] == DumpGraph.INSTANCE && graph.types[n] == type.number) {
                found.add(n);
            }
        }
        return found;
    }

    private static int listArray() {
        DumpClass holder = graph.classNamed(DumpGraphTest.class.getName());
        int at = List.of(holder.staticNames).indexOf("LIST");
        int list = graph.index.of(holder.staticValues[at]);
        assertThat(graph.classOf(list).name).isEqualTo("java.util.ArrayList");
        int elementData = graph.edges[graph.edgeStart[list]];
        assertThat(graph.kinds[elementData]).isEqualTo(DumpGraph.OBJECT_ARRAY);
        return elementData;
    }

    @Test
    void theStaticListsArrayHasOneEdgePerItem() throws Exception {
        List<Integer> items = instancesOf(Item.class.getName());
        assertThat(items).hasSize(N + 1);
        int array = listArray();
        assertThat(graph.classOf(array).name).isEqualTo("java.lang.Object[]");
        List<Integer> children = new ArrayList<>();
        for (int e = graph.edgeStart[array]; e < graph.edgeStart[array + 1]; e++) {
            children.add(graph.edges[e]);
        }
        assertThat(children).as("its nulls are no edges").hasSize(N).allMatch(items::contains);
        HeapEdges edges = new HeapEdges(graph, layouts);
        for (int item : items) {
            long number = DumpInstance.read(graph, layouts, item).number(Item.class.getName(), "number");
            List<String> labels = new ArrayList<>();
            List<String> types = new ArrayList<>();
            edges.forEach(item, (child, slot) -> {
                labels.add(edges.label(item, slot));
                types.add(edges.className(child));
                if (edges.className(child).equals("byte[]")) {
                    assertThat(graph.lengths[child]).isEqualTo(100);
                }
            });
            if (number == 0) {
                assertThat(labels).as("a null is no edge").containsExactly(Item.class.getName() + ".payload");
            } else {
                assertThat(labels).containsExactlyInAnyOrder(Item.class.getName() + ".payload", Item.class.getName() + ".tag");
                assertThat(types).containsExactlyInAnyOrder("byte[]", List.of(1).getClass().getName());
            }
        }
    }

    @Test
    void pathsNameTheStaticTheFieldAndTheIndex() throws Exception {
        HeapEdges edges = new HeapEdges(graph, layouts);
        Roots roots = Roots.of(graph, layouts);
        HeapWalk walk = HeapWalk.from(roots, new BitSet(), edges, graph.count);
        PathLines lines = new PathLines(walk, roots, edges);
        int array = listArray();
        int third = graph.edges[graph.edgeStart[array] + 2];
        assertThat(lines.path(third)).isEqualTo(String.join(" ",
                PathLines.encode("static:" + DumpGraphTest.class.getName() + ".LIST"),
                PathLines.encode("java.util.ArrayList.elementData"), PathLines.encode("java.lang.Object[][2]")));
        assertThat(lines.holder(third)).isEqualTo(String.join(" ",
                PathLines.encode("static:" + DumpGraphTest.class.getName() + ".LIST"), "java.util.ArrayList",
                PathLines.encode("java.lang.Object[]")));
        DumpInstance item = DumpInstance.read(graph, layouts, third);
        assertThat(item.number(Item.class.getName(), "number")).isEqualTo(2L);

        int weak = -1;
        for (int r : instancesOf(WeakReference.class.getName())) {
            DumpInstance referent = DumpInstance.read(graph, layouts,
                    DumpInstance.read(graph, layouts, r).object("java.lang.ref.Reference", "referent"));
            if (referent != null && Long.valueOf(-1).equals(referent.number(Item.class.getName(), "number"))) {
                weak = r;
            }
        }
        assertThat(weak).as("the weak reference to item -1").isNotNegative();
        int lonely = DumpInstance.read(graph, layouts, weak).object("java.lang.ref.Reference", "referent");
        assertThat(walk.reached(weak)).isTrue();
        assertThat(walk.reached(lonely)).as("a referent is no strong path").isFalse();
        assertThat(lines.path(lonely)).isEqualTo(PathLines.NO_ROOT);
    }

    @Test
    void anItemRetainsItselfAndItsPayload() throws Exception {
        int array = listArray();
        int first = graph.edges[graph.edgeStart[array]];
        BitSet traced = new BitSet();
        traced.set(first);
        HeapEdges edges = new HeapEdges(graph, layouts);
        HeapWalk walk = HeapWalk.from(Roots.of(graph, layouts), traced, edges, graph.count);
        RetainedSizes retained = new RetainedSizes(edges, walk, new ObjectSizes(graph, layouts, true), graph.count);
        // Item 0 has no tag. 12-byte header + int + 2 references = 24 aligned; byte[100]: 16-byte header + 100 = 120 aligned.
        assertThat(retained.of(List.of(first))).isEqualTo(new RetainedSizes.Retained(2, 24 + 120));
    }

    @Test
    void aTruncatedDumpOrAnotherFileIsRefusedWithWhere() throws Exception {
        byte[] all = java.nio.file.Files.readAllBytes(file);
        Path half = java.nio.file.Files.write(dir.resolve("half.hprof"), java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> DumpGraph.read(half)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(half.toString()).hasMessageContaining("truncated");
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.hprof"), "not a heap dump\n");
        assertThatThrownBy(() -> DumpGraph.read(text)).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("is not a heap dump");
    }

    @Test
    void classNamesReadAsJavaWritesThem() {
        assertThat(DumpClass.javaName("java/util/Map$Entry")).isEqualTo("java.util.Map$Entry");
        assertThat(DumpClass.javaName("[Ljava/lang/Object;")).isEqualTo("java.lang.Object[]");
        assertThat(DumpClass.javaName("[[I")).isEqualTo("int[][]");
    }
}
