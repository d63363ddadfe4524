package dev.leaktrace.agent.size;

import dev.leaktrace.agent.spelling.Suggestions;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a parsed size expression against one class, once: every link of every path becomes a
 * {@link MethodHandle}, typed by the <em>declared</em> type of the link before it. All errors a user
 * can make with names and types are found here, before the first object is measured.
 */
final class ExpressionBinder {
    private static final MethodType REFERENCE_LINK = MethodType.methodType(Object.class, Object.class);
    private static final MethodType NUMBER_LINK = MethodType.methodType(long.class, Object.class);
    private static final Set<Class<?>> WHOLE_NUMBERS =
            Set.of(byte.class, short.class, char.class, int.class, long.class);
    private static final int MAX_LISTED_NAMES = 15;

    private final Class<?> type;
    private final Instrumentation instrumentation;
    private final String text;

    /**
     * @param text the expression as written, for messages
     * @param instrumentation opens JDK packages when a link is not public; may be null
     */
    ExpressionBinder(Class<?> type, Instrumentation instrumentation, String text) {
        this.type = type;
        this.instrumentation = instrumentation;
        this.text = text;
    }

    Evaluator bind(Expr expression) throws SizeRuleException {
        if (expression instanceof Expr.Literal literal) {
            return Evaluator.constant(literal.value());
        }
        if (expression instanceof Expr.Negate negate) {
            return Evaluator.negate(bind(negate.operand()));
        }
        if (expression instanceof Expr.Binary binary) {
            return Evaluator.binary(binary.operator(), bind(binary.left()), bind(binary.right()));
        }
        return bindPath((Expr.Path) expression);
    }

    private Evaluator bindPath(Expr.Path path) throws SizeRuleException {
        List<Expr.Link> links = path.links();
        List<MethodHandle> references = new ArrayList<>();
        String[] prefixes = new String[links.size()];
        Class<?> current = type;
        for (int i = 0; i < links.size(); i++) {
            Expr.Link link = links.get(i);
            prefixes[i] = path.prefix(i + 1);
            Link resolved;
            try {
                resolved = resolve(current, link);
            } catch (SizeRuleException e) {
                throw i == 0 && looksLikeClassName(path) ? withClassNameHint(e) : e;
            }
            boolean last = i == links.size() - 1;
            Class<?> value = resolved.valueType();
            rejectReflection(value, prefixes[i], link);
            if (value.isPrimitive()) {
                checkWholeNumber(resolved, link);
                if (!last) {
                    throw error("'" + prefixes[i] + "' is a number (" + value.getName()
                            + ") and cannot be followed by '." + links.get(i + 1) + "'", links.get(i + 1));
                }
                return new PathEvaluator(references.toArray(new MethodHandle[0]),
                        resolved.handle().asType(NUMBER_LINK), prefixes, text, type.getName());
            }
            if (last) {
                throw error("'" + prefixes[i] + "' is a " + value.getTypeName() + ", not a number: follow it with "
                        + (value.isArray() ? "'.length'" : "a numeric field or a no-argument method, e.g. '.size()'"),
                        link);
            }
            references.add(resolved.handle().asType(REFERENCE_LINK));
            current = value;
        }
        throw new IllegalStateException("a path has at least one link: " + path);
    }

    /** {@code Integer.MAX_VALUE}, {@code java.util.List.size()}: Java habits that our language does not allow. */
    private static boolean looksLikeClassName(Expr.Path path) {
        if (path.links().size() < 2) {
            return false;
        }
        for (Expr.Link link : path.links()) {
            if (Character.isUpperCase(link.name().charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static SizeRuleException withClassNameHint(SizeRuleException e) {
        return new SizeRuleException(e.getMessage() + "; class names cannot be used: a path starts at the"
                + " measured object and never names a class", e.column(), e.getCause());
    }

    /** A resolved link: its handle and the declared type of the value it yields. */
    private static final class Link {
        private final MethodHandle handle;
        private final Class<?> valueType;
        private final String description;

        Link(MethodHandle handle, Class<?> valueType, String description) {
            this.handle = handle;
            this.valueType = valueType;
            this.description = description;
        }

        MethodHandle handle() {
            return handle;
        }

        Class<?> valueType() {
            return valueType;
        }

        String description() {
            return description;
        }
    }

    private Link resolve(Class<?> owner, Expr.Link link) throws SizeRuleException {
        if (owner.isArray()) {
            return arrayLength(owner, link);
        }
        return link.call() ? method(owner, link) : field(owner, link);
    }

    private Link arrayLength(Class<?> array, Expr.Link link) throws SizeRuleException {
        if (link.name().equals("length") && !link.call()) {
            return new Link(MethodHandles.arrayLength(array), int.class, "length of " + array.getTypeName());
        }
        String hint = link.name().equals("length") ? "write '.length', without parentheses" : "only '.length' can be read";
        throw error("an array (" + array.getTypeName() + ") has no " + (link.call() ? "method '" : "field '")
                + link + "': " + hint, link);
    }

    private Link field(Class<?> owner, Expr.Link link) throws SizeRuleException {
        Optional<Field> found = MemberFinder.field(owner, link.name());
        if (found.isEmpty()) {
            throw error(missingField(owner, link.name()), link);
        }
        Field field = found.get();
        String description = "field '" + field.getName() + "' of " + kind(field.getDeclaringClass());
        rejectStatic(field, description, link);
        try {
            return new Link(MemberHandles.getter(field, instrumentation), field.getType(), description);
        } catch (IllegalAccessException | RuntimeException denied) {
            throw error("cannot read " + description + ": " + denied.getMessage(), link, denied);
        }
    }

    private Link method(Class<?> owner, Expr.Link link) throws SizeRuleException {
        Optional<Method> found = MemberFinder.noArgMethod(owner, link.name());
        if (found.isEmpty()) {
            Optional<Integer> parameters = MemberFinder.parameterCountOfMethodNamed(owner, link.name());
            if (parameters.isPresent()) {
                throw error("method '" + link.name() + "' of " + kind(owner) + " takes " + parameters.get()
                        + (parameters.get() == 1 ? " argument" : " arguments")
                        + ": only methods without arguments can be called", link);
            }
            throw error(missingMethod(owner, link.name()), link);
        }
        Method method = found.get();
        String description = "method '" + method.getName() + "()' of " + kind(method.getDeclaringClass());
        rejectStatic(method, description, link);
        if (method.getReturnType() == void.class) {
            throw error(description + " returns nothing (void)", link);
        }
        try {
            return new Link(MemberHandles.method(method, instrumentation), method.getReturnType(), description);
        } catch (IllegalAccessException | RuntimeException denied) {
            throw error("cannot call " + description + ": " + denied.getMessage(), link, denied);
        }
    }

    private void rejectStatic(Member member, String description, Expr.Link link) throws SizeRuleException {
        if (Modifier.isStatic(member.getModifiers())) {
            throw error(description + " is static: a size expression reads the measured object's own "
                    + (member instanceof Field ? "fields" : "methods"), link);
        }
    }

    /**
     * getClass() is a no-argument method of every object; from a Class, a chain could create
     * objects (newInstance()) or load classes. A rule may only read data, so no link may yield
     * a class, a class loader, a module or a reflection object.
     */
    private void rejectReflection(Class<?> value, String prefix, Expr.Link link) throws SizeRuleException {
        String pkg = value.getPackageName();
        if (value == Class.class || ClassLoader.class.isAssignableFrom(value) || value == Module.class
                || value == ModuleLayer.class || pkg.equals("java.lang.reflect") || pkg.equals("java.lang.invoke")) {
            throw error("'" + prefix + "' yields a " + value.getName() + ": a size expression reads the object's"
                    + " data and cannot reach classes, class loaders or reflection", link);
        }
    }

    private void checkWholeNumber(Link resolved, Expr.Link link) throws SizeRuleException {
        Class<?> value = resolved.valueType();
        if (!WHOLE_NUMBERS.contains(value)) {
            throw error(resolved.description() + " is a " + value.getName()
                    + ": a size needs a whole number (byte, short, char, int or long)", link);
        }
    }

    private static String missingField(Class<?> owner, String name) {
        List<String> fields = MemberFinder.instanceFieldNames(owner);
        String message = kind(owner) + " has no field '" + name + "' ("
                + (fields.isEmpty() ? "it has no instance fields" : "fields: " + list(fields)) + ")";
        if (MemberFinder.noArgMethod(owner, name).isPresent()) {
            return message + "; did you mean the method '" + name + "()'?";
        }
        String near = Suggestions.nearest(name, fields);
        return near != null ? message + "; did you mean '" + near + "'?" : message;
    }

    private static String missingMethod(Class<?> owner, String name) {
        List<String> methods = MemberFinder.noArgMethodNames(owner);
        String message = kind(owner) + " has no method '" + name + "()' without arguments ("
                + (methods.isEmpty() ? "it has none" : "methods: " + list(calls(methods))) + ")";
        if (MemberFinder.field(owner, name).isPresent()) {
            return message + "; did you mean the field '" + name + "'?";
        }
        String near = Suggestions.nearest(name, methods);
        return near != null ? message + "; did you mean '" + near + "()'?" : message;
    }

    /** {@code size()} for {@code size}: method names as a path writes them. */
    private static List<String> calls(List<String> methods) {
        List<String> calls = new ArrayList<>(methods.size());
        for (String m : methods) {
            calls.add(m + "()");
        }
        return calls;
    }

    private static String list(List<String> names) {
        if (names.size() <= MAX_LISTED_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED_NAMES)) + ", ... " + (names.size() - MAX_LISTED_NAMES)
                + " more";
    }

    private static String kind(Class<?> c) {
        return (c.isInterface() ? "interface " : "class ") + c.getName();
    }

    private SizeRuleException error(String problem, Expr.Link link) {
        return error(problem, link, null);
    }

    private SizeRuleException error(String problem, Expr.Link link, Throwable cause) {
        return new SizeRuleException(problem + " (size expression '" + text + "' bound to " + type.getName()
                + ", column " + link.column() + ")", link.column(), cause);
    }
}
