package dev.leaktrace.analyser.heap;

/** One class of a dump, from its LOAD_CLASS and CLASS_DUMP records, with names resolved. */
final class DumpClass {
    final long id;
    /** Its number among the dump's classes. */
    final int number;
    /** As paths print it: {@code java.util.ArrayList}, {@code java.lang.Object[]}. */
    String name = "?";
    /** Whether its LOAD_CLASS record named it, and its CLASS_DUMP record (with the names in it) was read. */
    boolean named;
    boolean defined;
    /** The superclass's number, or -1. */
    int superNumber = -1;
    long superId;
    String[] staticNames = new String[0];
    byte[] staticTypes = new byte[0];
    long[] staticValues = new long[0];
    /** This class's own instance fields, in record order (a record then has each superclass's). */
    String[] fieldNames = new String[0];
    byte[] fieldTypes = new byte[0];

    DumpClass(long id, int number) {
        this.id = id;
        this.number = number;
    }

    /**
     * A class name as the JVM's dump writes it ({@code java/util/Map$Entry}, {@code [Ljava/lang/Object;},
     * {@code [[I}) as Java source writes it ({@code java.util.Map$Entry}, {@code java.lang.Object[]}, {@code int[][]}).
     */
    static String javaName(String dumped) {
        String name = dumped.replace('/', '.');
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = name.substring(dimensions);
        StringBuilder out = new StringBuilder(switch (element) {
            case "Z" -> "boolean";
            case "C" -> "char";
            case "F" -> "float";
            case "D" -> "double";
            case "B" -> "byte";
            case "S" -> "short";
            case "I" -> "int";
            case "J" -> "long";
            default -> element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : element;
        });
        for (int i = 0; i < dimensions; i++) {
            out.append("[]");
        }
        return out.toString();
    }
}
