package dev.leaktrace.analyser.heap;

import dev.leaktrace.bootstrap.LineFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The line kinds of a heap analysis, after the @ALLOCATE of the id they name, words
 * percent-encoded like the rest of a log:
 * <pre>
 * &#64;RETAINED &lt;id&gt; &lt;objects&gt; &lt;bytes&gt;                  the group of object id: its objects in the dump, retained size
 * &#64;HOLDER &lt;id&gt; &lt;objects&gt; &lt;bytes&gt; &lt;root&gt; &lt;class&gt;...    one holder of that group: the root, then the classes on the way
 * &#64;PATH &lt;id&gt; &lt;root&gt; &lt;step&gt;...                        one object's path: Class.field or Type[][index] per step
 * &#64;REACHABLE &lt;id&gt; &lt;type&gt; &lt;site&gt; &lt;objects&gt; &lt;bytes&gt; &lt;root&gt; &lt;class&gt;...
 *                                    one holder of objects of a group released (dropped) but still reachable
 * </pre>
 * The first three name a live object; a released one's @ALLOCATE and @DROP are behind, so
 * &#64;REACHABLE names its group itself.
 */
final class PathLines {
    /** The root of an object no strong path reaches: garbage, or held by weak or soft references only. */
    static final String NO_ROOT = "none";

    private final HeapWalk walk;
    private final Roots roots;
    private final HeapEdges edges;

    PathLines(HeapWalk walk, Roots roots, HeapEdges edges) {
        this.walk = walk;
        this.roots = roots;
        this.edges = edges;
    }

    /** The objects from the root's down to {@code object}'s holder (not the object itself). */
    private Deque<Integer> chain(int object) {
        Deque<Integer> chain = new ArrayDeque<>();
        for (int at = walk.parent[object]; at >= 0; at = walk.parent[at]) {
            chain.addFirst(at);
        }
        return chain;
    }

    private String rootOf(int object, Deque<Integer> chain) {
        if (!walk.reached(object)) {
            return NO_ROOT;
        }
        int first = chain.isEmpty() ? object : chain.getFirst();
        return encode(roots.labels.get(walk.rootOf[first]));
    }

    /** The holder words: the root, then the classes of the objects on the way, repeats run together. */
    String holder(int object) {
        Deque<Integer> chain = chain(object);
        StringBuilder words = new StringBuilder(rootOf(object, chain));
        String previous = null;
        for (int at : chain) {
            String type = edges.className(at);
            if (!type.equals(previous)) {
                words.append(' ').append(encode(type));
                previous = type;
            }
        }
        return words.toString();
    }

    /** The path words: the root, then the reference followed out of each object on the way. */
    String path(int object) {
        List<Integer> nodes = new ArrayList<>(chain(object));
        List<String> words = new ArrayList<>();
        words.add(rootOf(object, new ArrayDeque<>(nodes)));
        nodes.add(object);
        for (int i = 0; i + 1 < nodes.size(); i++) {
            words.add(encode(edges.label(nodes.get(i), walk.slot[nodes.get(i + 1)])));
        }
        return String.join(" ", words);
    }

    static String retained(long id, long objects, long bytes) {
        return "@RETAINED " + id + " " + objects + " " + bytes;
    }

    static String holder(long id, long objects, long bytes, String words) {
        return "@HOLDER " + id + " " + objects + " " + bytes + " " + words;
    }

    static String reachable(long id, String type, String site, long objects, long bytes, String words) {
        return "@REACHABLE " + id + " " + type + " " + site + " " + objects + " " + bytes + " " + words;
    }

    static String path(long id, String words) {
        return "@PATH " + id + " " + words;
    }

    /** One word of one line, encoded as the agent encodes type names. */
    static String encode(String text) {
        return new String(LineFormat.typeToken(text), StandardCharsets.UTF_8);
    }
}
