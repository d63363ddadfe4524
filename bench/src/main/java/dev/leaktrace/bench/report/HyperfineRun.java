package dev.leaktrace.bench.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** One command's timings from hyperfine's {@code --export-json}, in seconds. */
record HyperfineRun(String command, double median, double mean, double stddev, double min, double max, int runs) {
    /** The commands in the order hyperfine was given them. */
    static List<HyperfineRun> parse(String json) {
        List<HyperfineRun> runs = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("results")) {
            JsonObject o = e.getAsJsonObject();
            runs.add(new HyperfineRun(o.get("command").getAsString(), o.get("median").getAsDouble(),
                    o.get("mean").getAsDouble(), o.get("stddev").getAsDouble(), o.get("min").getAsDouble(),
                    o.get("max").getAsDouble(), o.getAsJsonArray("times").size()));
        }
        return runs;
    }
}
