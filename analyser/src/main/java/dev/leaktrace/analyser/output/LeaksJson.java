package dev.leaktrace.analyser.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.HeapFindings;
import dev.leaktrace.analyser.result.Holder;
import dev.leaktrace.analyser.result.ObjectPath;
import dev.leaktrace.analyser.result.LeakGroup;
import dev.leaktrace.analyser.result.LeakStack;
import dev.leaktrace.analyser.result.LogSource;
import dev.leaktrace.analyser.result.SiteCount;
import dev.leaktrace.analyser.result.ProblemKind;
import dev.leaktrace.analyser.result.Problems;

/** The {@code leaks --json} document; its field names are a contract (docs/analyser.md). */
public final class LeaksJson {
    private LeaksJson() {
    }

    public static JsonObject of(Analysis analysis) {
        JsonObject json = new JsonObject();
        JsonArray files = new JsonArray();
        analysis.files().forEach(files::add);
        json.add("files", files);
        json.addProperty("allocations", analysis.allocations());
        json.addProperty("drops", analysis.drops());
        json.addProperty("collectedWithoutDrop", analysis.collectedWithoutDrop());
        json.add("leaked", amount(analysis.leakedCount(), analysis.leakedBytes()));
        json.add("groups", groups(analysis, true));
        Problems problems = analysis.problems();
        json.addProperty("malformedLines", problems.count(ProblemKind.MALFORMED_LINE));
        json.addProperty("unmatchedDrops", problems.count(ProblemKind.UNMATCHED_DROP));
        json.addProperty("duplicateIds", problems.count(ProblemKind.DUPLICATE_ID));
        // Beyond the contract: added fields never change the meaning of the ones above.
        json.addProperty("mismatchedDrops", problems.count(ProblemKind.MISMATCHED_DROP));
        json.addProperty("truncatedLines", problems.count(ProblemKind.TRUNCATED_LINE));
        json.addProperty("truncatedFiles", problems.count(ProblemKind.TRUNCATED_FILE));
        json.addProperty("otherEvents", analysis.otherEvents());
        json.add("collected", groups(analysis, false));
        JsonArray reachable = new JsonArray();
        for (LeakGroup group : analysis.reachable()) {
            JsonObject r = new JsonObject();
            r.addProperty("type", group.type());
            r.addProperty("site", group.site());
            r.addProperty("count", group.count());
            r.addProperty("retainedBytes", group.bytes());
            r.addProperty("exampleId", group.ids().get(0));
            r.add("holders", heap(group.heap()).get("holders"));
            reachable.add(r);
        }
        json.add("reachable", reachable);
        json.addProperty("stackLines", analysis.stackLines());
        json.addProperty("unmatchedStacks", problems.count(ProblemKind.UNMATCHED_STACK));
        json.add("stacks", stacks(analysis.stacks()));
        json.add("collectedStacks", stacks(analysis.collectedStacks()));
        json.addProperty("unmatchedLibraryLines", problems.count(ProblemKind.UNMATCHED_LIBRARY));
        json.addProperty("survivorsLog", analysis.hasSurvivorsLog());
        json.add("counts", counts(analysis));
        json.add("sources", sources(analysis));
        return json;
    }

    /** The @COUNTS totals by type and site (survivors logs). */
    private static JsonArray counts(Analysis analysis) {
        JsonArray array = new JsonArray();
        for (SiteCount c : analysis.counts()) {
            JsonObject json = new JsonObject();
            json.addProperty("type", c.type());
            json.addProperty("site", c.site());
            json.addProperty("allocated", c.allocated());
            json.addProperty("allocatedBytes", c.allocatedBytes());
            json.addProperty("dropped", c.dropped());
            json.addProperty("droppedBytes", c.droppedBytes());
            json.addProperty("collectedWithoutDrop", c.collected());
            json.addProperty("collectedBytes", c.collectedBytes());
            array.add(json);
        }
        return array;
    }

    /** Each file with its JVM (host and pid from its header) and its own totals. */
    private static JsonArray sources(Analysis analysis) {
        JsonArray array = new JsonArray();
        for (LogSource s : analysis.sources()) {
            JsonObject json = new JsonObject();
            json.addProperty("file", s.file());
            json.addProperty("host", s.host());
            json.addProperty("pid", s.pid());
            json.addProperty("survivors", s.survivors());
            json.addProperty("allocations", s.allocations());
            json.addProperty("drops", s.drops());
            json.addProperty("collectedWithoutDrop", s.collectedWithoutDrop());
            json.add("leaked", amount(s.leakedCount(), s.leakedBytes()));
            array.add(json);
        }
        return array;
    }

    /** Objects that have a recorded stack; the others are only in {@code groups} / {@code collected}. */
    private static JsonArray stacks(java.util.List<LeakStack> stacks) {
        JsonArray array = new JsonArray();
        for (LeakStack stack : stacks) {
            if (!stack.hasStack()) {
                continue;
            }
            JsonObject json = new JsonObject();
            JsonArray frames = new JsonArray();
            stack.frames().forEach(frames::add);
            json.add("frames", frames);
            json.addProperty("type", stack.type());
            json.addProperty("site", stack.site());
            json.addProperty("count", stack.count());
            json.addProperty("bytes", stack.bytes());
            array.add(json);
        }
        return array;
    }

    static JsonObject amount(long count, long bytes) {
        JsonObject json = new JsonObject();
        json.addProperty("count", count);
        json.addProperty("bytes", bytes);
        return json;
    }

    /** A group's heap findings: {@code retained}, {@code holders} and {@code paths}. */
    private static JsonObject heap(HeapFindings heap) {
        JsonObject json = new JsonObject();
        json.add("retained", amount(heap.objects(), heap.retainedBytes()));
        JsonArray holders = new JsonArray();
        for (Holder holder : heap.holders()) {
            JsonObject h = new JsonObject();
            h.addProperty("root", holder.root());
            JsonArray classes = new JsonArray();
            holder.classes().forEach(classes::add);
            h.add("classes", classes);
            h.addProperty("heldBy", holder.describe());
            h.addProperty("count", holder.count());
            h.addProperty("retainedBytes", holder.retainedBytes());
            holders.add(h);
        }
        json.add("holders", holders);
        JsonArray paths = new JsonArray();
        for (ObjectPath path : heap.paths()) {
            JsonObject p = new JsonObject();
            p.addProperty("id", path.id());
            p.addProperty("root", path.root());
            JsonArray steps = new JsonArray();
            path.steps().forEach(steps::add);
            p.add("steps", steps);
            paths.add(p);
        }
        json.add("paths", paths);
        return json;
    }

    private static JsonArray groups(Analysis analysis, boolean leaked) {
        JsonArray array = new JsonArray();
        for (LeakGroup group : leaked ? analysis.groups() : analysis.collected()) {
            JsonObject json = new JsonObject();
            json.addProperty("type", group.type());
            json.addProperty("site", group.site());
            json.addProperty("count", group.count());
            json.addProperty("bytes", group.bytes());
            JsonArray ids = new JsonArray();
            group.ids().forEach(ids::add);
            json.add("ids", ids);
            if (group.trend() != null) {
                json.addProperty("trend", group.trend().label());
            }
            if (!group.librarySites().isEmpty()) {
                JsonArray library = new JsonArray();
                group.librarySites().forEach(library::add);
                json.add("librarySites", library);
            }
            if (group.heap() != null) {
                json.add("heap", heap(group.heap()));
            }
            array.add(json);
        }
        return array;
    }
}
