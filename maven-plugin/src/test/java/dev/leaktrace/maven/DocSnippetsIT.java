package dev.leaktrace.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leaktrace.maven.DocSnippets.Snippet;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Every command and XML block of README.md and docs/ works verbatim: each {@code java -jar ...
 * leaktrace.jar leaks|diff|report} line is run on the built jar (the files it names are made,
 * logs from a seed log), {@code attach} and {@code dump} lines are checked against their help,
 * XML is well formed, refers only to properties Maven defines, and names only real goals and
 * parameters of the plugin; budget and config YAML blocks are read by the analyser and the agent.
 */
class DocSnippetsIT {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    private static final List<String> MAVEN_PROPERTIES = List.of("project.", "settings.", "env.", "maven.", "user.",
            "java.", "basedir");
    private static final String SEED_LOG = """
            # leaktrace 0.1.0 pid=4242 start=2026-01-01T00:00:00Z
            @ALLOCATE com.example.Index 100 com/example/Main.java:10 1
            @ALLOCATE com.example.Srs 5000 com/example/Srs.java:30 2
            @DROP com.example.Index 100 1
            """;

    @TempDir
    static Path work;
    static List<Snippet> snippets = new ArrayList<>();
    static Path jar;

    @BeforeAll
    static void readDocs() throws Exception {
        Path root = Path.of(SampleBuild.property("project.root"));
        for (Path file : DocSnippets.files(root)) {
            snippets.addAll(DocSnippets.of(file));
        }
        jar = Path.of(SampleBuild.property("leaktrace.jar"));
    }

    @Test
    void everyAnalyserCommandRunsVerbatim() throws Exception {
        int ran = 0;
        int checked = 0;
        for (Snippet snippet : snippets) {
            if (!List.of("", "sh", "bash", "inline").contains(snippet.language())) {
                continue;
            }
            for (String line : snippet.text().replace("\\\n", " ").split("\n")) {
                List<String> args = analyserArguments(line);
                if (args == null) {
                    continue;
                }
                String command = args.get(0);
                if (command.equals("attach") || command.equals("dump")) {
                    assertOptionsExist(snippet, line, args);
                    checked++;
                } else if (List.of("leaks", "diff", "report").contains(command)) {
                    Path dir = Files.createTempDirectory(work, "run");
                    List<String> run = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
                    for (int i = 0; i < args.size(); i++) {
                        String arg = args.get(i).replace("<pid>", "4242").replace("*", "1");
                        boolean output = i > 0 && List.of("-o", "--output", "--collapsed").contains(args.get(i - 1));
                        if (!output) {
                            make(dir, arg);
                        }
                        run.add(arg);
                    }
                    Process process = new ProcessBuilder(run).directory(dir.toFile()).redirectErrorStream(true).start();
                    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(process.exitValue()).as(snippet.where() + ": " + line + "\n" + printed).isIn(0, 1);
                    ran++;
                }
            }
        }
        assertThat(ran).as("analyser commands run").isGreaterThanOrEqualTo(8);
        assertThat(checked).as("attach and dump lines checked").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyXmlBlockIsWellFormedAndUsesOnlyPropertiesMavenDefines() throws Exception {
        Set<String> goals = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        Document descriptor = parse(Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml")));
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            goals.add(text(mojo, "goal"));
            NodeList names = mojo.getElementsByTagName("name");
            for (int j = 0; j < names.getLength(); j++) {
                parameters.add(names.item(j).getTextContent());
            }
        }
        int xml = 0;
        for (Snippet snippet : snippets) {
            if (!snippet.language().equals("xml")) {
                continue;
            }
            xml++;
            Document document = parse("<snippet>" + snippet.text() + "</snippet>");
            Matcher property = PROPERTY.matcher(snippet.text());
            while (property.find()) {
                String name = property.group(1);
                assertThat(MAVEN_PROPERTIES.stream().anyMatch(name::startsWith))
                        .as(snippet.where() + ": ${" + name + "} is not a property Maven defines").isTrue();
            }
            NodeList plugins = document.getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if (!"leaktrace-maven-plugin".equals(text(plugin, "artifactId"))) {
                    continue;
                }
                NodeList used = plugin.getElementsByTagName("goal");
                for (int j = 0; j < used.getLength(); j++) {
                    assertThat(goals).as(snippet.where()).contains(used.item(j).getTextContent());
                }
                NodeList configurations = plugin.getElementsByTagName("configuration");
                for (int j = 0; j < configurations.getLength(); j++) {
                    for (Node child = configurations.item(j).getFirstChild(); child != null; child = child.getNextSibling()) {
                        if (child instanceof Element element) {
                            assertThat(parameters).as(snippet.where() + ": <" + element.getTagName() + ">")
                                    .contains(element.getTagName());
                        }
                    }
                }
            }
        }
        assertThat(xml).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyBudgetAndConfigBlockIsReadWithoutError() throws Exception {
        int budgets = 0;
        int configs = 0;
        for (Snippet snippet : snippets) {
            if (!snippet.language().equals("yaml")) {
                continue;
            }
            Path dir = Files.createTempDirectory(work, "yaml");
            Path yaml = Files.writeString(dir.resolve("snippet.yaml"), snippet.text());
            if (snippet.text().contains("types:")) {
                Files.writeString(dir.resolve("Hello.java"), "class Hello { public static void main(String[] a) {} }");
                List<String> command = List.of(java(), "-javaagent:" + jar + "=config=" + yaml + ",output=none",
                        dir.resolve("Hello.java").toString());
                assertRuns(snippet, command, dir, 0);
                configs++;
            } else if (snippet.text().matches("(?sm).*^(budgets|default|expected):.*")) {
                Path log = Files.writeString(dir.resolve("seed.log"), SEED_LOG);
                assertRuns(snippet, List.of(java(), "-jar", jar.toString(), "leaks", log.toString(), "--budget",
                        yaml.toString()), dir, 0, 1);
                budgets++;
            }
        }
        assertThat(budgets).as("budget files").isGreaterThanOrEqualTo(1);
        assertThat(configs).as("configs").isGreaterThanOrEqualTo(2);
    }

    /** The analyser's arguments in a shell line that runs the jar, or null when it does not. */
    private static List<String> analyserArguments(String line) {
        String command = line.strip();
        if (command.startsWith("$ ")) {
            command = command.substring(2);
        }
        int comment = command.indexOf(" #");
        if (comment >= 0) {
            command = command.substring(0, comment);
        }
        List<String> words = List.of(command.strip().split("\\s+"));
        if (words.isEmpty() || !words.get(0).equals("java")) {
            return null;
        }
        int jarAt = words.indexOf("-jar");
        if (jarAt < 0 || jarAt + 2 >= words.size() || !words.get(jarAt + 1).matches(".*leaktrace(-[^/]*)?\\.jar")
                || words.get(jarAt + 2).startsWith("<") || words.get(jarAt + 2).startsWith("-")) {
            return null;
        }
        return new ArrayList<>(words.subList(jarAt + 2, words.size()));
    }

    private static void assertOptionsExist(Snippet snippet, String line, List<String> args) throws Exception {
        Process help = new ProcessBuilder(java(), "-jar", jar.toString(), args.get(0), "--help")
                .redirectErrorStream(true).start();
        String usage = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        help.waitFor(60, TimeUnit.SECONDS);
        for (String arg : args) {
            if (arg.startsWith("-")) {
                assertThat(usage).as(snippet.where() + ": " + line).containsPattern("(^|[\\s,])" + Pattern.quote(arg) + "[=\\s,\\[]");
            }
        }
    }

    /** Makes the input file an argument names: a seed log, or a budget for a .yaml. */
    private static void make(Path dir, String arg) throws Exception {
        if (arg.startsWith("-") || !arg.matches(".*\\.(log|txt|gz|yaml)")) {
            return;
        }
        Path file = dir.resolve(arg.replace("~/", ""));
        if (arg.startsWith("/") || Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, arg.endsWith(".yaml") ? "default:\n  count: 10\n" : SEED_LOG);
    }

    private static void assertRuns(Snippet snippet, List<String> command, Path dir, Integer... exits) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(snippet.where() + ":\n" + snippet.text() + "\n" + printed).isIn((Object[]) exits);
        assertThat(printed).as(snippet.where()).doesNotContain("config error");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String text(Element parent, String child) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(child)) {
                return element.getTextContent().strip();
            }
        }
        return null;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
