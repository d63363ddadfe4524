package dev.leaktrace.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced code blocks and inline {@code java -jar} commands of the public docs, each with where it stands. */
final class DocSnippets {
    /** One snippet: its language ("" when the fence names none), text, and the file and line it starts at. */
    record Snippet(Path file, int line, String language, String text) {
        String where() {
            return file.getFileName() + ":" + line;
        }
    }

    private static final Pattern INLINE_JAVA_JAR = Pattern.compile("`(java -jar [^`]+)`");

    private DocSnippets() {
    }

    /** README.md and every docs/*.md of the project at {@code root}. */
    static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (var docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<Snippet> of(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String fence = line.strip();
            if (fence.startsWith("```")) {
                String indent = line.substring(0, line.indexOf('`'));
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String body = lines.get(i);
                    text.append(body.startsWith(indent) ? body.substring(indent.length()) : body).append('\n');
                }
                snippets.add(new Snippet(file, start + 1, fence.substring(3).strip(), text.toString()));
                continue;
            }
            Matcher inline = INLINE_JAVA_JAR.matcher(line);
            while (inline.find()) {
                snippets.add(new Snippet(file, i + 1, "inline", inline.group(1) + "\n"));
            }
        }
        return snippets;
    }
}
