package dev.leaktrace.analyser.output;

import dev.leaktrace.analyser.result.LeakStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inline SVG icicle graph of leaked bytes by allocating call stack: the root at the top, each
 * row one frame deeper, the leaked type at the bottom, each box as wide as the bytes allocated
 * through it. Boxes carry a {@code <title>} tooltip with the full frame and, in {@code data-}
 * attributes, what {@link FlameGraphScript} needs to zoom into a box and to search frames; no
 * network. Without the script the graph is drawn as it is, scaled to the page's width.
 */
final class SvgFlameGraph {
    static final int WIDTH = 960;
    private static final int ROW = 18;
    private static final double CHAR_WIDTH = 6.6; // monospace at 11px: 0.6 em per character
    private static final double MIN_BOX = 0.5; // narrower boxes cannot be seen; their bytes stay in the parent

    private SvgFlameGraph() {
    }

    /** One frame of the merged tree: the bytes and objects of every path through it. */
    private static final class Node {
        final String frame;
        final Map<String, Node> children = new LinkedHashMap<>();
        long bytes;
        long count;

        Node(String frame) {
            this.frame = frame;
        }
    }

    static String render(List<LeakStack> stacks) {
        Node root = new Node("all leaked objects");
        for (LeakStack stack : stacks) {
            if (stack.bytes() <= 0) {
                continue; // nothing to draw; an empty-sized leak still shows in the tables
            }
            root.bytes += stack.bytes();
            root.count += stack.count();
            Node node = root;
            for (String frame : CollapsedStacks.path(stack)) {
                node = node.children.computeIfAbsent(frame, Node::new);
                node.bytes += stack.bytes();
                node.count += stack.count();
            }
        }
        int rows = depth(root);
        int height = rows * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<div class=\"flame-tools\"><input type=\"search\" placeholder=\"Search frames\" "
                        + "aria-label=\"Search frames\"> <button type=\"button\">Reset zoom</button> "
                        + "<span class=\"flame-match muted\"></span></div>\n"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flame\" viewBox=\"0 0 %d %d\" "
                        + "data-width=\"%d\" data-height=\"%d\" font-family=\"ui-monospace,Menlo,Consolas,monospace\" "
                        + "font-size=\"11\" role=\"img\" aria-label=\"Leaked bytes by allocating call stack; click a "
                        + "box to zoom into it\">\n",
                WIDTH, height, WIDTH, height));
        if (root.bytes > 0) {
            box(svg, root, root.bytes, 0, WIDTH, 0);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void box(StringBuilder svg, Node node, long total, double x, double width, int row) {
        double y = row * ROW;
        double percent = 100.0 * node.bytes / total;
        String shown = row == 0 ? node.frame + " (" + ByteUnits.human(node.bytes) + ")" : shortName(node.frame);
        svg.append(String.format(Locale.ROOT, "<g data-x=\"%.2f\" data-w=\"%.2f\" data-row=\"%d\" data-bytes=\"%d\" ",
                        x, width, row, node.bytes))
                .append("data-name=\"").append(Html.escape(node.frame)).append("\" data-label=\"")
                .append(Html.escape(shown)).append("\"><title>").append(Html.escape(node.frame)).append('\n')
                .append(Html.escape(ByteUnits.human(node.bytes))).append(" (").append(node.bytes).append(" bytes, ")
                .append(String.format(Locale.ROOT, "%.1f%%", percent)).append(" of leaked bytes), ")
                .append(node.count).append(node.count == 1 ? " object" : " objects").append("</title>");
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" rx=\"2\" fill=\"%s\" stroke=\"#fff\" "
                        + "stroke-width=\"0.5\"/>",
                x, y, width, ROW - 1, colour(node.frame, row)));
        String label = fit(shown, width);
        if (!label.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.1f\" fill=\"#111\">", x + 3, y + ROW - 5))
                    .append(Html.escape(label)).append("</text>");
        } else {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.1f\" fill=\"#111\"></text>", x + 3,
                    y + ROW - 5));
        }
        svg.append("</g>\n");
        List<Node> children = new ArrayList<>(node.children.values());
        children.sort(Comparator.comparingLong((Node child) -> child.bytes).reversed());
        double childX = x;
        for (Node child : children) {
            double childWidth = width * child.bytes / node.bytes;
            if (childWidth >= MIN_BOX) {
                box(svg, child, total, childX, childWidth, row + 1);
            }
            childX += childWidth;
        }
    }

    private static int depth(Node node) {
        int deepest = 0;
        for (Node child : node.children.values()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    /**
     * What fits in a box: {@code com.example.Repo.open(Repo.java:17)} is shown as
     * {@code Repo.open(Repo.java:17)}, a type {@code [com.example.Conn]} as {@code [Conn]}; the
     * tooltip keeps the full name.
     */
    static String shortName(String frame) {
        if (frame.startsWith(CollapsedStacks.SITE_FRAME)) {
            return frame;
        }
        if (frame.startsWith("[") && frame.endsWith("]")) {
            String type = frame.substring(1, frame.length() - 1);
            return "[" + type.substring(type.lastIndexOf('.') + 1) + "]";
        }
        int paren = frame.indexOf('(');
        if (paren < 0) {
            return frame; // "...", or a frame in a form we do not know
        }
        String qualified = frame.substring(0, paren);
        int method = qualified.lastIndexOf('.');
        int classStart = method < 0 ? 0 : qualified.lastIndexOf('.', method - 1) + 1;
        return frame.substring(classStart);
    }

    /** {@code label} cut to the box's width with an ellipsis, or empty when not even a few letters fit. */
    static String fit(String label, double width) {
        int chars = (int) ((width - 6) / CHAR_WIDTH);
        if (chars < 3) {
            return "";
        }
        return label.length() <= chars ? label : label.substring(0, chars - 1) + "\u2026";
    }

    /**
     * Warm colours for code frames (a stable hash picks the shade, so a frame keeps its colour across
     * reports), blue for the leaked types, grey for the root, sites without a stack and cut-off roots.
     */
    private static String colour(String frame, int row) {
        if (row == 0) {
            return "#d9d9d9";
        }
        if (frame.startsWith(CollapsedStacks.SITE_FRAME) || frame.equals("...")) {
            return "#c8c8c8";
        }
        int hash = frame.hashCode();
        if (frame.startsWith("[")) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", 110 + (hash & 31), 160 + ((hash >>> 5) & 31),
                    225 + ((hash >>> 10) & 15));
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", 225 + (hash & 15), 90 + ((hash >>> 4) & 127),
                40 + ((hash >>> 11) & 31));
    }
}
