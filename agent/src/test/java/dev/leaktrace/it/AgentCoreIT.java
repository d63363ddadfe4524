package dev.leaktrace.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules of the lines, checked on real JVMs started with -javaagent on the built jar. */
class AgentCoreIT {
    private static final String RESOURCE = "fixtures.core.Resource";
    private static final String CORE = "types:\n"
            + "  - class: fixtures.core.Resource\n"
            + "    size: 100\n"
            + "  - class: fixtures.core.SubResource\n"
            + "    size: 200\n"
            + "  - class: fixtures.core.Exploding\n"
            + "  - class: fixtures.core.Buffer\n"
            + "  - class: fixtures.core.Node\n"
            + "  - class: fixtures.core.Pool\n"
            + "    drop: [shutdown, release]\n";

    @OnEachJdk
    void delegatingConstructorPrintsOneAllocationAtTheSiteOfNew(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("delegation");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<Event> allocations = r.events("ALLOCATE", RESOURCE);
        assertThat(allocations).as(r.toString()).hasSize(1);
        assertThat(allocations.get(0).site()).isEqualTo(r.sitesPrinted().get(0));
        assertThat(allocations.get(0).size()).isEqualTo(100);
        assertThat(r.events("DROP", RESOURCE)).extracting(Event::id).containsExactly(allocations.get(0).id());
    }

    @OnEachJdk
    void factoryMethodIsTheSite(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("factory");
        assertThat(r.events("ALLOCATE", RESOURCE)).as(r.toString())
                .extracting(Event::site).containsExactly("fixtures/core/Resource.java:17");
    }

    @OnEachJdk
    void superclassChainPrintsOnceWithTheRuntimeTypeAndItsRule(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("chain");
        assertThat(r.events("ALLOCATE", RESOURCE)).as("no line for the superclass part; none for an"
                + " unconfigured subclass").isEmpty();
        List<Event> sub = r.events("ALLOCATE", "fixtures.core.SubResource");
        assertThat(sub).as(r.toString()).hasSize(1);
        assertThat(sub.get(0).size()).isEqualTo(200);
        assertThat(sub.get(0).site()).isEqualTo(r.sitesPrinted().get(0));
        assertThat(r.events("DROP", "fixtures.core.SubResource")).hasSize(1);
        assertThat(r.events()).allMatch(e -> !e.type().equals("fixtures.core.Unconfigured"));
    }

    @OnEachJdk
    void throwingConstructorsPrintNothing(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("throwing");
        assertThat(r.stdout()).contains("caught never built", "caught constructor failed on purpose");
        assertThat(r.events()).as(r.toString()).noneMatch(e -> e.type().equals("fixtures.core.Exploding")
                || e.type().equals("fixtures.core.SubResource"));
        assertThat(r.events("ALLOCATE", RESOURCE)).extracting(Event::site).containsExactly(r.sitesPrinted().get(0));
    }

    @OnEachJdk
    void aConstructorThatThrewLeavesNoTraceOnLaterObjects(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent("types:\n  - class: fixtures.core.Fragile\n").run("afterThrow");
        assertThat(r.stdout()).contains("caught");
        assertThat(r.events("ALLOCATE", "fixtures.core.Fragile")).as(r.toString())
                .extracting(Event::site).containsExactlyElementsOf(r.sitesPrinted());
    }

    @OnEachJdk
    void closeThatThrowsIsNoDropAndSecondCloseIsSilent(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("closeThrows");
        assertThat(r.stdout()).contains("first close threw");
        assertThat(r.events("ALLOCATE", RESOURCE)).hasSize(1);
        assertThat(r.events("DROP", RESOURCE)).as(r.toString()).hasSize(1);
    }

    @OnEachJdk
    void customDropMethods(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("customDrops");
        List<Event> allocations = r.events("ALLOCATE", "fixtures.core.Pool");
        assertThat(allocations).as(r.toString()).hasSize(3);
        assertThat(r.events("DROP", "fixtures.core.Pool")).extracting(Event::id)
                .containsExactly(allocations.get(0).id(), allocations.get(1).id());
    }

    @OnEachJdk
    void gcDropsAndCollectedWithoutClose(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("gc");
        List<Event> buffers = r.events("ALLOCATE", "fixtures.core.Buffer");
        assertThat(buffers).as(r.toString()).hasSize(2);
        assertThat(r.events("DROP", "fixtures.core.Buffer")).as("the collected buffer, not the kept one")
                .extracting(Event::id).containsExactly(buffers.get(0).id());
        List<Event> resources = r.events("ALLOCATE", RESOURCE);
        assertThat(r.events("GC", RESOURCE)).as("a closeable collected without close")
                .extracting(Event::id, Event::size).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        resources.get(0).id(), 100L));
        assertThat(r.events("DROP", RESOURCE)).isEmpty();
    }

    @OnEachJdk
    void wildcardsNestedNamesAndSubtypes(Jdk jdk) throws Exception {
        String config = "types:\n"
                + "  - class: fixtures.tree.*\n"
                + "  - class: fixtures.core.Outer$Inner\n"
                + "  - class: fixtures.core.Handle\n"
                + "    subtypes: true\n"
                + "    drop: [release]\n";
        RunResult r = JvmRun.on(jdk).agent(config).run("types");
        assertThat(r.events("ALLOCATE", "fixtures.tree.Direct")).as(r.toString()).hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.tree.sub.Deeper")).as("* is not recursive").isEmpty();
        assertThat(r.events("ALLOCATE", "fixtures.core.Outer$Inner")).hasSize(1);
        assertThat(r.events("ALLOCATE", "fixtures.core.FileHandle")).hasSize(1);
        assertThat(r.events("DROP", "fixtures.core.FileHandle")).hasSize(1);

        RunResult tree = JvmRun.on(jdk).agent("types:\n  - class: fixtures.tree.**\n").run("types");
        assertThat(tree.events("ALLOCATE", "fixtures.tree.Direct")).as(tree.toString()).hasSize(1);
        assertThat(tree.events("ALLOCATE", "fixtures.tree.sub.Deeper")).hasSize(1);
        assertThat(tree.events("ALLOCATE", "fixtures.core.FileHandle")).as("without subtypes").isEmpty();
    }

    @OnEachJdk
    void objectBuildingItsOwnTypeInItsConstructorPrintsEach(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("node");
        List<Event> nodes = r.events("ALLOCATE", "fixtures.core.Node");
        assertThat(nodes).as(r.toString()).hasSize(3);
        assertThat(nodes).extracting(Event::site).as("inner nodes are built by Node's constructor")
                .containsExactly("fixtures/core/Node.java:9", "fixtures/core/Node.java:9", "fixtures/Scenarios.java:39");
    }

    @OnEachJdk
    void classesOfSeveralLoadersAreTraced(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent("types:\n  - class: fixtures.loader.Loaded\n")
                .run("loaders", Built.TEST_CLASSES.toString());
        assertThat(r.stdout().lines().filter(l -> l.startsWith("LOADER")).distinct()).hasSize(2);
        assertThat(r.events("ALLOCATE", "fixtures.loader.Loaded")).as(r.toString()).hasSize(2);
        assertThat(r.events("DROP", "fixtures.loader.Loaded")).hasSize(2);
    }

    @OnEachJdk
    void eightThreadsGiveExactCountsUniqueIdsAndWholeLines(Jdk jdk) throws Exception {
        int threads = 8;
        int perThread = 20_000;
        RunResult r = JvmRun.on(jdk).agent(CORE).run("threads", "" + threads, "" + perThread);
        assertThat(r.exit()).as(r.stderr()).isZero();
        java.util.regex.Pattern wellFormed = java.util.regex.Pattern.compile(
                "@ALLOCATE fixtures\\.core\\.Resource 100 fixtures/Scenarios\\.java:\\d+ \\d+|@DROP fixtures\\.core\\.Resource 100 \\d+|@TIME \\d+");
        List<String> torn = r.log().lines().filter(l -> !l.startsWith("#"))
                .filter(l -> !wellFormed.matcher(l).matches()).limit(5).collect(Collectors.toList());
        assertThat(torn).as("lines that are not well-formed").isEmpty();
        List<Event> events = r.events();
        Set<Long> ids = new HashSet<>();
        long allocations = 0;
        long drops = 0;
        for (Event e : events) {
            if (e.kind().equals("ALLOCATE")) {
                allocations++;
                assertThat(ids.add(e.id()) && e.id() > 0).as("id %d unique and positive", e.id()).isTrue();
            } else {
                drops++;
                assertThat(ids.contains(e.id())).as("drop %d follows its allocation", e.id()).isTrue();
            }
        }
        assertThat(allocations).isEqualTo(threads * perThread);
        assertThat(drops).isEqualTo(threads * perThread * 9 / 10);
    }

    @OnEachJdk
    void systemExitWritesEverythingAndKeepsTheExitCode(Jdk jdk) throws Exception {
        RunResult r = JvmRun.on(jdk).agent(CORE).run("exit");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.events("ALLOCATE", RESOURCE)).as(r.toString()).hasSize(1000);
        assertThat(r.log()).endsWith("\n");
    }
}
