package dev.leaktrace.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.leaktrace.demo.vec.FieldVector;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code leaktrace.yaml} in step with the code: every class it names exists, and every field,
 * array and method its size expressions and drop lists use is there. A line-based reading of the
 * file's simple layout (the agent has the real parser).
 */
class ConfigTest {
    private static final Pattern ENTRY = Pattern.compile("^\\s*-\\s*class:\\s*(\\S+)");
    private static final Pattern KEY = Pattern.compile("^\\s+(size|drop):\\s*(.+?)\\s*$");
    private static final Pattern METHOD = Pattern.compile("([A-Za-z_]\\w*)\\(\\)");
    private static final Pattern NAME = Pattern.compile("([A-Za-z_]\\w*)(\\.length)?");

    @Test
    void everyTypeSizeAndDropResolves() throws Exception {
        Map<String, Map<String, String>> types = readTypes(Path.of("leaktrace.yaml"));
        assertEquals(5, types.size(), types.keySet().toString());
        for (Map.Entry<String, Map<String, String>> type : types.entrySet()) {
            List<Class<?>> classes = resolve(type.getKey());
            assertFalse(classes.isEmpty(), "no class for " + type.getKey());
            for (Class<?> c : classes) {
                String size = type.getValue().get("size");
                if (size != null) {
                    checkSize(c, size);
                }
                String drop = type.getValue().get("drop");
                if (drop != null) {
                    for (String method : drop.replaceAll("[\\[\\]]", "").split(",")) {
                        String m = method.trim();
                        if (!m.equals("gc") && !m.equals("finalize")) {
                            assertTrue(hasNoArgMethod(c, m), c.getName() + " has no " + m + "()");
                        }
                    }
                }
            }
        }
    }

    private static Map<String, Map<String, String>> readTypes(Path yaml) throws IOException {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : Files.readAllLines(yaml)) {
            String text = line.replaceFirst("\\s+#.*$", "");
            if (text.trim().startsWith("#")) {
                continue;
            }
            Matcher entry = ENTRY.matcher(text);
            Matcher key = KEY.matcher(text);
            if (entry.find()) {
                current = new LinkedHashMap<>();
                types.put(entry.group(1), current);
            } else if (current != null && key.find()) {
                current.put(key.group(1), key.group(2));
            }
        }
        return types;
    }

    /** The class, or for {@code pkg.*} every top-level class compiled into that package. */
    private static List<Class<?>> resolve(String name) throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        if (!name.endsWith(".*")) {
            classes.add(Class.forName(name));
            return classes;
        }
        String pkg = name.substring(0, name.length() - 2);
        Path root = Path.of(FieldVector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String simple = file.getFileName().toString();
                if (simple.endsWith(".class") && !simple.contains("$")) {
                    classes.add(Class.forName(pkg + "." + simple.substring(0, simple.length() - 6)));
                }
            }
        }
        return classes;
    }

    private static void checkSize(Class<?> c, String size) {
        if (size.matches("\\d+|shallow|deep|class:.*")) {
            return;
        }
        Matcher methods = METHOD.matcher(size);
        while (methods.find()) {
            assertTrue(hasNoArgMethod(c, methods.group(1)), c.getName() + " has no " + methods.group(1) + "()");
        }
        Matcher names = NAME.matcher(METHOD.matcher(size).replaceAll(""));
        while (names.find()) {
            Field f = field(c, names.group(1));
            if (f == null) {
                fail(c.getName() + " has no field " + names.group(1) + " (in: " + size + ")");
            }
            if (names.group(2) != null) {
                assertTrue(f.getType().isArray(), f + " is not an array");
            }
        }
    }

    private static boolean hasNoArgMethod(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Field field(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }
}
