package dev.leaktrace.analyser.fuzz;

import java.util.Random;

/** Ways a log line gets damaged: cut, bytes flipped or inserted, numbers made huge or negative, fields lost. */
final class Mutations {
    private static final String[] NUMBERS = {"-1", "-9223372036854775808", "9223372036854775807",
        "99999999999999999999999999", "0", "1e9", "0x10", "", " ", "١٢"};

    private Mutations() {
    }

    static String mutate(String line, Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return line.substring(0, random.nextInt(line.length() + 1));
            case 1: {
                char[] chars = line.toCharArray();
                chars[random.nextInt(chars.length)] = (char) random.nextInt(256);
                return new String(chars);
            }
            case 2: {
                int at = random.nextInt(line.length() + 1);
                StringBuilder junk = new StringBuilder();
                for (int i = random.nextInt(20); i >= 0; i--) {
                    junk.append((char) random.nextInt(256));
                }
                return line.substring(0, at) + junk.toString().replace('\n', ' ') + line.substring(at);
            }
            case 3: {
                String[] fields = line.split(" ");
                fields[1 + random.nextInt(fields.length - 1)] = NUMBERS[random.nextInt(NUMBERS.length)];
                return String.join(" ", fields);
            }
            case 4:
                return line.replace(" ", random.nextBoolean() ? "  " : "\t");
            case 5:
                return line + " extra";
            case 6:
                return line.replaceFirst(" \\S+$", "");
            default:
                return line + "\r";
        }
    }
}
