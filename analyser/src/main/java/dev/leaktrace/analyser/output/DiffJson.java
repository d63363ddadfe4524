package dev.leaktrace.analyser.output;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.leaktrace.analyser.diff.LeakDiff;
import dev.leaktrace.analyser.result.Amount;

/** The {@code diff --json} document; its field names are a contract (docs/analyser.md). */
public final class DiffJson {
    private DiffJson() {
    }

    public static JsonObject of(LeakDiff diff) {
        JsonObject json = new JsonObject();
        json.add("before", leaked(diff.before()));
        json.add("after", leaked(diff.after()));
        JsonArray types = new JsonArray();
        for (LeakDiff.TypeChange change : diff.types()) {
            JsonObject type = new JsonObject();
            type.addProperty("type", change.type());
            type.add("before", amount(change.before()));
            type.add("after", amount(change.after()));
            type.addProperty("verdict", change.verdict().label());
            types.add(type);
        }
        json.add("types", types);
        JsonArray sites = new JsonArray();
        for (LeakDiff.SiteChange change : diff.sites()) {
            JsonObject site = new JsonObject();
            site.addProperty("type", change.type());
            site.add("before", siteAmount(change.beforeSite(), change.before()));
            site.add("after", siteAmount(change.afterSite(), change.after()));
            site.addProperty("verdict", change.verdict().label());
            sites.add(site);
        }
        json.add("sites", sites);
        JsonArray holders = new JsonArray();
        for (LeakDiff.HolderChange change : diff.holders()) {
            JsonObject holder = new JsonObject();
            holder.addProperty("type", change.type());
            holder.addProperty("heldBy", change.heldBy());
            holder.add("before", amount(change.before()));
            holder.add("after", amount(change.after()));
            holder.addProperty("verdict", change.verdict().label());
            holders.add(holder);
        }
        json.add("holders", holders);
        return json;
    }

    private static JsonObject leaked(Amount amount) {
        JsonObject json = new JsonObject();
        json.add("leaked", amount(amount));
        return json;
    }

    private static JsonObject amount(Amount amount) {
        return LeaksJson.amount(amount.count(), amount.bytes());
    }

    private static JsonObject siteAmount(String site, Amount amount) {
        JsonObject json = new JsonObject();
        if (site == null) {
            json.add("site", JsonNull.INSTANCE); // the site does not exist on this side
        } else {
            json.addProperty("site", site);
        }
        json.addProperty("count", amount.count());
        json.addProperty("bytes", amount.bytes());
        return json;
    }
}
