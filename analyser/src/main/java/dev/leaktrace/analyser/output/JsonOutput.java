package dev.leaktrace.analyser.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** Pretty-printed JSON that keeps explicit nulls, so every contract field is always present. */
public final class JsonOutput {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .create();

    private JsonOutput() {
    }

    public static String format(JsonElement json) {
        return GSON.toJson(json);
    }
}
