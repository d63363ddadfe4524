package dev.leaktrace.agent.size;

/**
 * Decides which kind of rule a {@code size:} text is. Columns in errors are 1-based in the text as
 * given (leading blanks included), so they match what the user sees in the config.
 */
final class SizeRuleParser {
    private static final String KINDS =
            "a number of bytes, 'shallow', 'deep', 'class:<estimator class>' or a size expression";

    private SizeRuleParser() {}

    static SizeRule parse(String text) throws SizeRuleException {
        if (text == null) {
            throw new SizeRuleException("no size rule given: expected " + KINDS);
        }
        String rule = text.strip();
        int offset = text.indexOf(rule); // columns count from the original text
        if (rule.isEmpty()) {
            throw new SizeRuleException("empty size rule at column 1: expected " + KINDS, 1);
        }
        switch (rule) {
            case "shallow":
                return ShallowSize.INSTANCE;
            case "deep":
                return DeepSize.INSTANCE;
            default:
                break;
        }
        if (rule.startsWith(CustomSize.PREFIX)) {
            return new CustomSize(className(rule, offset + CustomSize.PREFIX.length()));
        }
        if (isInteger(rule)) {
            return constant(rule, offset + 1);
        }
        Expr expression = ExpressionParser.parse(text);
        if (ConstantFolder.isConstant(expression)) {
            return constant(expression, offset + 1);
        }
        return new ExpressionSize(rule, expression);
    }

    private static boolean isInteger(String rule) {
        int start = rule.charAt(0) == '-' ? 1 : 0;
        if (start == rule.length()) {
            return false;
        }
        for (int i = start; i < rule.length(); i++) {
            if (rule.charAt(i) < '0' || rule.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static ConstantSize constant(String rule, int column) throws SizeRuleException {
        long bytes;
        try {
            bytes = Long.parseLong(rule);
        } catch (NumberFormatException tooLarge) {
            throw new SizeRuleException("number " + rule + " at column " + column + " is too large (at most "
                    + Long.MAX_VALUE + ")", column);
        }
        return nonNegative(bytes, rule, column);
    }

    /** {@code 4 * 1024} needs no object: computed now, so a mistake shows when the config is read. */
    private static ConstantSize constant(Expr expression, int column) throws SizeRuleException {
        try {
            return nonNegative(ConstantFolder.value(expression), expression.toString(), column);
        } catch (ArithmeticException e) {
            throw new SizeRuleException("size expression at column " + column + " cannot be computed: "
                    + e.getMessage(), column, e);
        }
    }

    private static ConstantSize nonNegative(long bytes, String text, int column) throws SizeRuleException {
        if (bytes < 0) {
            throw new SizeRuleException("negative size " + text + " at column " + column
                    + ": a size is a number of bytes, 0 or more", column);
        }
        return new ConstantSize(bytes);
    }

    /** Checks a binary class name such as {@code com.example.Outer$Estimator}; returns it stripped. */
    private static String className(String rule, int prefixEnd) throws SizeRuleException {
        String name = rule.substring(CustomSize.PREFIX.length()).strip();
        int start = prefixEnd + rule.substring(CustomSize.PREFIX.length()).indexOf(name);
        if (name.isEmpty()) {
            throw new SizeRuleException("expected a class name after 'class:' at column " + (prefixEnd + 1),
                    prefixEnd + 1);
        }
        boolean segmentStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '.' ? !segmentStart && i < name.length() - 1
                    : segmentStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
            if (!ok) {
                int column = start + i + 1;
                throw new SizeRuleException("unexpected '" + c + "' at column " + column
                        + ": expected a binary class name such as com.example.MyEstimator", column);
            }
            segmentStart = c == '.';
        }
        return name;
    }
}
