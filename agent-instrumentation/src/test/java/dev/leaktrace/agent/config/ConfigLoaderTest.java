package dev.leaktrace.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.agent.spelling.Suggestions;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static TraceConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse("app.yaml", new StringReader(yaml));
    }

    private static String error(String yaml) {
        try {
            parse(yaml);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void readsTheDocumentedSchema() throws Exception {
        TraceConfig c = parse("output: trace-%p.log\n"
                + "onConfigError: warn\n"
                + "types:\n"
                + "  - class: com.example.prover.Srs\n"
                + "    size: points.length * 64\n"
                + "    drop: [close, release]\n"
                + "  - class: com.example.vec.*\n"
                + "    size: 4096\n"
                + "  - class: com.example.index.**\n"
                + "    size: deep\n"
                + "  - class: java.sql.Connection\n"
                + "    subtypes: true\n"
                + "  - class: com.example.Outer$Inner\n"
                + "    drop: gc\n");
        assertThat(c.output()).isEqualTo("trace-%p.log");
        assertThat(c.onConfigError()).isEqualTo(TraceConfig.OnConfigError.WARN);
        assertThat(c.types()).hasSize(5);
        TypeEntry srs = c.types().get(0);
        assertThat(srs.pattern().matches("com.example.prover.Srs")).isTrue();
        assertThat(srs.size().describe()).isEqualTo("points.length * 64");
        assertThat(srs.drops()).containsExactly("close", "release");
        assertThat(srs.source()).isEqualTo("app.yaml:4");
        assertThat(c.types().get(1).drops()).as("default decided per class").isNull();
        assertThat(c.types().get(3).subtypes()).isTrue();
        assertThat(c.types().get(4).drops()).containsExactly("gc");
    }

    @Test
    void libraryPatternsAtTheTopAndPerEntry() throws Exception {
        TraceConfig c = parse("library: [io.netty.**, com.example.pool.*]\ntypes:\n"
                + "  - class: a.B\n    library: any\n  - class: a.C\n    library: org.h2.**\n  - class: a.D\n");
        assertThat(c.library().test("io.netty.buffer.PooledByteBufAllocator")).isTrue();
        assertThat(c.library().test("com.example.pool.Pool")).isTrue();
        assertThat(c.library().test("com.example.pool.sub.Pool")).isFalse();
        assertThat(c.library().test("com.example.App")).isFalse();
        assertThat(c.types().get(0).library().any()).isTrue();
        assertThat(c.types().get(1).library().test("org.h2.jdbc.JdbcConnection")).isTrue();
        assertThat(c.types().get(1).library().any()).isFalse();
        assertThat(c.types().get(2).library().isEmpty()).isTrue();
    }

    @Test
    void badLibraryValuesNameTheKeyAndWhatToWrite() {
        assertThat(error("library: any\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: library: 'any' is for an entry of types: only");
        assertThat(error("types:\n  - class: a.B\n    library: [org.h2.*x]\n"))
                .startsWith("app.yaml:3: library: 'org.h2.*x' is not a class pattern").endsWith("(or 'any')");
        assertThat(error("library: {a: b}\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: library: expected a list of class patterns");
    }

    @Test
    void logModeSurvivorAgeAndMetrics() throws Exception {
        TraceConfig defaults = parse("types:\n  - class: a.B\n");
        assertThat(defaults.log().mode()).isEqualTo(LogSettings.Mode.ALL);
        assertThat(defaults.log().survivorAgeMillis()).isEqualTo(10_000);
        assertThat(defaults.log().metrics()).isNull();

        TraceConfig c = parse("log: survivors\nsurvivorAge: 500ms\nmetrics: 127.0.0.1:9464\ntypes:\n  - class: a.B\n");
        assertThat(c.log().mode()).isEqualTo(LogSettings.Mode.SURVIVORS);
        assertThat(c.log().survivorAgeMillis()).isEqualTo(500);
        assertThat(c.log().metrics().port()).isEqualTo(9464);
        assertThat(c.log().metrics().host().isLoopbackAddress()).isTrue();
        assertThat(parse("survivorAge: 2m\ntypes:\n  - class: a.B\n").log().survivorAgeMillis()).isEqualTo(120_000);
        assertThat(c.withOutput("x.log").log().mode()).as("kept by withOutput").isEqualTo(LogSettings.Mode.SURVIVORS);
        assertThat(c.log().jfr()).isEqualTo(LogSettings.Jfr.OFF);
        assertThat(parse("jfr: objects\ntypes:\n  - class: a.B\n").log().jfr()).isEqualTo(LogSettings.Jfr.OBJECTS);
        assertThat(parse("jfr: live\ntypes:\n  - class: a.B\n").log().jfr()).isEqualTo(LogSettings.Jfr.LIVE);
    }

    @Test
    void badLogModeSurvivorAgeAndMetricsNameTheirKeyAndLine() {
        assertThat(error("log: some\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: log: 'some' is not a log mode: use 'all'");
        assertThat(error("types:\n  - class: a.B\nsurvivorAge: 10\n"))
                .startsWith("app.yaml:3: survivorAge: '10' is not a duration above zero: write a whole number and a unit");
        assertThat(error("survivorAge: 0s\ntypes:\n  - class: a.B\n")).startsWith("app.yaml:1: survivorAge: '0s'");
        assertThat(error("jfr: on\ntypes:\n  - class: a.B\n")).startsWith("app.yaml:1: jfr: 'on' is not a JFR mode: use 'off'");
        assertThat(error("metrics: 127.0.0.1:99999\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: metrics: '127.0.0.1:99999': the port '99999' is not a number from 1 to 65535.");
        assertThat(error("metrics: localhost:9464\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: metrics: 'localhost:9464': the host must be an IP address");
        assertThat(error("metrics: 0.0.0.0:9464\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: metrics: '0.0.0.0:9464' is not a loopback address, so other hosts could read"
                        + " the metrics; write 'public:0.0.0.0:9464' if that is meant");
    }

    @Test
    void wildcards() {
        ClassPattern one = ClassPattern.parse("com.example.*");
        assertThat(one.matches("com.example.A")).isTrue();
        assertThat(one.matches("com.example.A$B")).isTrue();
        assertThat(one.matches("com.example.sub.A")).isFalse();
        assertThat(one.matches("com.exampleX.A")).isFalse();
        ClassPattern tree = ClassPattern.parse("com.example.**");
        assertThat(tree.matches("com.example.sub.deep.A")).isTrue();
        assertThat(tree.matches("com.other.A")).isFalse();
        assertThat(ClassPattern.parse("com.example.A").specificity()).isGreaterThan(one.specificity());
        assertThat(one.specificity()).isGreaterThan(tree.specificity());
        assertThat(ClassPattern.parse("com.example.sub.**").specificity()).isGreaterThan(tree.specificity());
    }

    @Test
    void emptyFile() {
        assertThat(error("")).startsWith("app.yaml:1: ").contains("empty").contains("types:");
    }

    @Test
    void notYaml() {
        assertThat(error("types: [unclosed\n  - x: {")).startsWith("app.yaml:").contains("not valid YAML");
    }

    @Test
    void notAMapping() {
        assertThat(error("- just\n- a list\n")).startsWith("app.yaml:1: ").contains("expected a mapping");
    }

    @Test
    void unknownTopKeySuggestsTheNearest() {
        assertThat(error("outptu: x.log\ntypes:\n  - class: a.B\n"))
                .isEqualTo("app.yaml:1: outptu: unknown key; did you mean 'output'? Known keys here: include, jfr, library,"
                        + " log, metrics, onConfigError, output, paths, stacks, survivorAge, types.");
    }

    @Test
    void pathsIsANumberOfObjectsPerGroupAndZeroByDefault() throws Exception {
        assertThat(parse("paths: 3\ntypes:\n  - class: a.B\n").paths()).isEqualTo(3);
        assertThat(parse("types:\n  - class: a.B\n").paths()).isZero();
        assertThat(error("paths: some\ntypes:\n  - class: a.B\n"))
                .startsWith("app.yaml:1: paths: 'some' is not a number of objects from 0 to 1000");
        assertThat(error("types:\n  - class: a.B\npaths: -1\n"))
                .startsWith("app.yaml:3: paths: '-1' is not a number of objects");
    }

    @Test
    void unknownTypeKeySuggestsTheNearest() {
        assertThat(error("types:\n  - class: a.B\n    sise: 4\n"))
                .startsWith("app.yaml:3: sise: unknown key; did you mean 'size'?");
    }

    @Test
    void missingTypes() {
        assertThat(error("output: stderr\n")).contains("types: missing or empty");
    }

    @Test
    void missingClass() {
        assertThat(error("types:\n  - size: 4\n")).startsWith("app.yaml:2: class: missing");
    }

    @Test
    void malformedWildcards() {
        assertThat(error("types:\n  - class: com.*.Foo\n")).startsWith("app.yaml:2: class: ")
                .contains("a wildcard may only end a package");
        assertThat(error("types:\n  - class: com.example.Fo*\n")).contains("a wildcard may only end a package");
        assertThat(error("types:\n  - class: com/example/Foo\n")).contains("e.g. com.example.Foo");
        assertThat(error("types:\n  - class: com.9example.Foo\n")).contains("not a Java identifier");
    }

    @Test
    void unknownSizeKeywordAndSyntaxErrorsNameTheColumn() {
        assertThat(error("types:\n  - class: a.B\n    size: data.length * \n")).startsWith("app.yaml:3: size: ")
                .contains("column");
        assertThat(error("types:\n  - class: a.B\n    size: (data.length\n")).startsWith("app.yaml:3: size: ")
                .contains("column");
    }

    @Test
    void misspeltSizeKeywordIsCaughtBeforeAnyClassLoads() {
        assertThat(error("types:\n  - class: a.B\n    size: deeep\n"))
                .startsWith("app.yaml:3: size: unknown size keyword 'deeep'; did you mean 'deep'?");
        assertThat(error("types:\n  - class: a.B\n    size: shalow\n")).contains("did you mean 'shallow'?");
    }

    @Test
    void keySourcesPointAtTheKeysLine() throws Exception {
        TypeEntry e = parse("types:\n  - class: a.B\n    subtypes: false\n    size: data.length\n    drop: [free]\n").types().get(0);
        assertThat(e.source()).isEqualTo("app.yaml:2");
        assertThat(e.sourceOf("size")).isEqualTo("app.yaml:4");
        assertThat(e.sourceOf("drop")).isEqualTo("app.yaml:5");
        assertThat(e.sourceOf("stacks")).as("absent key: the entry").isEqualTo("app.yaml:2");
    }

    @Test
    void negativeSize() {
        assertThat(error("types:\n  - class: a.B\n    size: -5\n")).startsWith("app.yaml:3: size: ").containsIgnoringCase("negative");
    }

    @Test
    void badDropLists() {
        assertThat(error("types:\n  - class: a.B\n    drop: []\n")).startsWith("app.yaml:3: drop: the list is empty");
        assertThat(error("types:\n  - class: a.B\n    drop: [close()]\n")).contains("'close()' is not a method name");
        assertThat(error("types:\n  - class: a.B\n    drop: {a: b}\n")).contains("expected a list of method names");
    }

    @Test
    void refcountKeys() throws ConfigException {
        TypeEntry e = parse("types:\n  - class: a.B\n    subtypes: true\n    drop: [release]\n    drop-if-true: true\n"
                + "    renew: [reuse, init]\n    exclude: [a.Wrapper, a.views.*]\n").types().get(0);

        assertThat(e.dropIfTrue()).isTrue();
        assertThat(e.renews()).containsExactly("reuse", "init");
        assertThat(e.excludes("a.Wrapper")).isTrue();
        assertThat(e.excludes("a.views.Slice")).isTrue();
        assertThat(e.excludes("a.B")).isFalse();
        TypeEntry plain = parse("types:\n  - class: a.B\n").types().get(0);
        assertThat(plain.dropIfTrue()).isFalse();
        assertThat(plain.renews()).isEmpty();
    }

    @Test
    void badRefcountKeys() {
        assertThat(error("types:\n  - class: a.B\n    drop-if-true: sometimes\n"))
                .startsWith("app.yaml:3: drop-if-true: 'sometimes' is not true or false");
        assertThat(error("types:\n  - class: a.B\n    renew: [reuse(int)]\n"))
                .startsWith("app.yaml:3: renew: 'reuse(int)' is not a method name");
        assertThat(error("types:\n  - class: a.B\n    renew: []\n")).startsWith("app.yaml:3: renew: the list is empty");
        assertThat(error("types:\n  - class: a.B\n    exclude: [a.*Wrapper]\n")).startsWith("app.yaml:3: exclude: ");
    }

    @Test
    void badFlags() {
        assertThat(error("types:\n  - class: a.B\n    subtypes: yes please\n")).startsWith("app.yaml:3: subtypes: ");
        assertThat(error("onConfigError: maybe\ntypes:\n  - class: a.B\n")).contains("'maybe' is not a mode");
    }

    @Test
    void missingFileNamesThePathAndWhatToDo(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml").toString()))
                .hasMessageContaining("nope.yaml' not found").hasMessageContaining("Pass config=PATH");
    }

    @Test
    void unreadableOrNotUtf8FilesSaySo(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ConfigLoader.load(dir.toString()))
                .hasMessageContaining("cannot be read").hasMessageContaining("readable file");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "types:\n  - class: caf\u00e9.Res\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigLoader.load(latin1.toString()))
                .hasMessageContaining("latin1.yaml' is not UTF-8").hasMessageContaining("Save it as UTF-8");
    }

    @Test
    void loadsFromFileAndBundledRecipe(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lt.yaml");
        Files.writeString(file, "types:\n  - class: a.B\n");
        assertThat(ConfigLoader.load(file.toString()).types()).hasSize(1);
        TraceConfig recipe = ConfigLoader.load("recipe:jdk-io");
        assertThat(recipe.types()).extracting(t -> t.pattern().toString())
                .contains("java.io.FileInputStream", "java.util.zip.ZipFile");
        assertThatThrownBy(() -> ConfigLoader.load("recipe:nope")).hasMessageContaining("no such recipe")
                .hasMessageContaining("jdk-io");
        // Only names: a path reaching out of the recipes folder is no recipe either.
        assertThatThrownBy(() -> ConfigLoader.load("recipe:../recipes/jdk-io")).hasMessageContaining("no such recipe");
    }

    @Test
    void suggestionsAreNearOnly() {
        assertThat(Suggestions.nearest("clas", List.of("class", "size"))).isEqualTo("class");
        assertThat(Suggestions.nearest("zzzzzz", List.of("class", "size"))).isNull();
    }

    @Test
    void includeTakesRecipesAndFilesOwnEntriesFirst(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("more.yaml"), "output: ignored.log\ntypes:\n  - class: c.D\n");
        Path main = dir.resolve("main.yaml");
        Files.writeString(main, "output: mine.log\ninclude: [jdk-io, more.yaml]\ntypes:\n  - class: a.B\n");
        TraceConfig c = ConfigLoader.load(main.toString());
        assertThat(c.output()).isEqualTo("mine.log");
        assertThat(c.types()).extracting(t -> t.pattern().toString())
                .startsWith("a.B").contains("java.io.FileInputStream", "c.D");
        assertThat(parse("include: jdk-io\n").types()).as("an include alone is enough").isNotEmpty();
    }

    @Test
    void includeErrors(@TempDir Path dir) throws Exception {
        assertThat(error("include: [jdk-oi]\n")).startsWith("app.yaml:1: include: 'jdk-oi' is neither a bundled recipe")
                .contains("did you mean 'jdk-io'?");
        assertThat(error("include: {a: b}\n")).contains("expected a list of recipe names or files");
        Path loop = dir.resolve("loop.yaml");
        Files.writeString(loop, "include: [loop.yaml]\n");
        assertThatThrownBy(() -> ConfigLoader.load(loop.toString())).hasMessageContaining("is there a cycle?");
        Path missing = dir.resolve("m.yaml");
        Files.writeString(missing, "include: [nope.yaml]\n");
        assertThatThrownBy(() -> ConfigLoader.load(missing.toString())).hasMessageContaining("m.yaml:1: include: cannot include 'nope.yaml'")
                .hasMessageContaining("not found");
    }
}
