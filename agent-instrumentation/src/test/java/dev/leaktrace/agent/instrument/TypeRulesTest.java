package dev.leaktrace.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.agent.config.ClassPattern;
import dev.leaktrace.agent.config.RefcountKeys;
import dev.leaktrace.agent.config.TypeEntry;
import dev.leaktrace.agent.size.SizeRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeRulesTest {
    private static final TypeRules.Supertypes NONE = name -> List.of();

    private static TypeEntry entry(String pattern, String source) {
        return entry(pattern, false, source);
    }

    private static TypeEntry entry(String pattern, boolean subtypes, String source) {
        return new TypeEntry(ClassPattern.parse(pattern), subtypes, SizeRule.shallow(), null, source);
    }

    @Test
    void excludedClassesAreLeftOutOfSubtypesAndPackageMatches() {
        TypeEntry buffers = entry("com.example.Buf", true, "buffers").withRefcount(new RefcountKeys(List.of(), false,
                List.of(ClassPattern.parse("com.example.LeakAwareBuf"), ClassPattern.parse("com.example.views.*"))));
        TypeEntry views = entry("com.example.views.*", "views").withRefcount(new RefcountKeys(List.of(), false,
                List.of(ClassPattern.parse("com.example.views.Empty"))));
        TypeRules rules = new TypeRules(List.of(buffers, views));
        TypeRules.Supertypes buf = name -> List.of("com.example.Buf");

        assertThat(rules.entryFor("com.example.PooledBuf", buf).source()).isEqualTo("buffers");
        assertThat(rules.entryFor("com.example.LeakAwareBuf", buf)).isNull();
        assertThat(rules.entryFor("com.example.views.Slice", buf).source()).as("by its own package").isEqualTo("views");
        assertThat(rules.entryFor("com.example.views.Empty", buf)).isNull();
    }

    @Test
    void exactNameBeatsPackageWhichBeatsPackageTreeInAnyOrder() {
        TypeRules rules = new TypeRules(List.of(entry("com.example.**", "tree"), entry("com.example.db.*", "package"),
                entry("com.example.db.Connection", "exact")));
        assertThat(rules.entryFor("com.example.db.Connection", NONE).source()).isEqualTo("exact");
        assertThat(rules.entryFor("com.example.db.Statement", NONE).source()).isEqualTo("package");
        assertThat(rules.entryFor("com.example.db.pool.Pool", NONE).source()).isEqualTo("tree");
        assertThat(rules.entryFor("org.other.Thing", NONE)).isNull();
        assertThat(rules.matchesByName("com.example.db.Connection")).isTrue();
        assertThat(rules.matchesByName("org.other.Thing")).isFalse();
    }

    @Test
    void objectWithSubtypesMatchesEveryNameBeforeItsClassIsSeen() {
        TypeRules everything = new TypeRules(List.of(entry("java.lang.Object", true, "all")));
        assertThat(everything.matchesByName("com.example.NotLoadedYet")).isTrue();
        TypeRules objectOnly = new TypeRules(List.of(entry("java.lang.Object", "object")));
        assertThat(objectOnly.matchesByName("com.example.NotLoadedYet")).isFalse();
        assertThat(objectOnly.matchesByName("java.lang.Object")).isTrue();
    }

    @Test
    void entriesThatMatchedNoClassAreToldInConfigOrder() {
        TypeRules rules = new TypeRules(List.of(entry("com.example.A", "a"), entry("com.exmaple.*", "typo"),
                entry("com.example.B", "b")));
        rules.entryFor("com.example.A", NONE);
        assertThat(rules.unmatched()).extracting(TypeEntry::source).containsExactly("typo", "b");
    }

    @Test
    void theLongerPackageWinsAndTheFirstEntryWinsATie() {
        TypeRules rules = new TypeRules(List.of(entry("com.**", "short"), entry("com.example.**", "long"),
                entry("com.example.A", "first"), entry("com.example.A", "second")));
        assertThat(rules.entryFor("com.example.B", NONE).source()).isEqualTo("long");
        assertThat(rules.entryFor("com.other.B", NONE).source()).isEqualTo("short");
        assertThat(rules.entryFor("com.example.A", NONE).source()).isEqualTo("first");
    }

    @Test
    void packagePatternMatchesNoSubpackage() {
        TypeRules rules = new TypeRules(List.of(entry("com.example.*", "package")));
        assertThat(rules.entryFor("com.example.A", NONE)).isNotNull();
        assertThat(rules.entryFor("com.example.sub.A", NONE)).isNull();
    }

    @Test
    void subtypesAreAskedForOnlyWhenNoNameMatches() {
        TypeRules rules = new TypeRules(List.of(entry("java.io.Closeable", true, "closeables"),
                entry("com.example.Exact", "exact")));
        assertThat(rules.anySubtypes()).isTrue();
        assertThat(rules.entryFor("com.example.Exact", name -> {
            throw new AssertionError("supertypes asked for " + name);
        }).source()).isEqualTo("exact");
        assertThat(rules.entryFor("com.example.File", name -> List.of("java.lang.Object", "java.io.Closeable"))
                .source()).isEqualTo("closeables");
        assertThat(rules.entryFor("com.example.Other", name -> List.of("java.lang.Object"))).isNull();
    }

    @Test
    void addedEntriesRankAfterTheExistingOnesOnATie() {
        TypeRules rules = new TypeRules(List.of(entry("com.example.A", "config")));
        assertThat(rules.anySubtypes()).isFalse();
        rules.add(List.of(entry("com.example.A", "junit"), entry("com.example.B", "junit"),
                entry("java.lang.Runnable", true, "junit-subtypes")));
        assertThat(rules.entryFor("com.example.A", NONE).source()).isEqualTo("config");
        assertThat(rules.entryFor("com.example.B", NONE).source()).isEqualTo("junit");
        assertThat(rules.anySubtypes()).isTrue();
    }
}
