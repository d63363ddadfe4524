package dev.leaktrace.analyser.pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per group, the first few distinct library lines (@LIBRARY) of its objects: where the library
 * code that made them ran {@code new}, next to the application site the group is named by.
 */
final class LibrarySites {
    static final int PER_GROUP = 4;
    private int[][] sitesOf = new int[64][];

    /** Adds a site (a number of the pairing's site interner) to the group's, if it has room. */
    void add(int group, int site) {
        if (group >= sitesOf.length) {
            sitesOf = Arrays.copyOf(sitesOf, Math.max(group + 1, sitesOf.length * 2));
        }
        int[] sites = sitesOf[group];
        if (sites == null) {
            sitesOf[group] = new int[] {site};
            return;
        }
        for (int known : sites) {
            if (known == site) {
                return;
            }
        }
        if (sites.length < PER_GROUP) {
            int[] more = Arrays.copyOf(sites, sites.length + 1);
            more[sites.length] = site;
            sitesOf[group] = more;
        }
    }

    /** The group's library sites as text, in order seen. */
    List<String> of(int group, dev.leaktrace.analyser.parse.ByteInterner names) {
        int[] sites = group < sitesOf.length ? sitesOf[group] : null;
        if (sites == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(sites.length);
        for (int site : sites) {
            texts.add(names.name(site));
        }
        return List.copyOf(texts);
    }
}
