package dev.leaktrace.agent.config;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds {@link YamlNode}s from snakeyaml's parser events. snakeyaml's own composer would resolve
 * every scalar's tag, and its tag and resolver classes load regular expressions and java.sql at
 * start-up, a large part of the agent's start (docs/performance.md); a config only needs the text.
 */
public final class YamlReader {
    private final Parser parser;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlReader(Reader reader) {
        this.parser = new ParserImpl(new StreamReader(reader), new LoaderOptions());
    }

    /**
     * The single document of {@code reader}, or null when it has none.
     *
     * @throws YAMLException (a MarkedYAMLException where the parser knows the place) on bad YAML
     */
    public static YamlNode read(Reader reader) {
        return new YamlReader(reader).document();
    }

    private YamlNode document() {
        expect(Event.ID.StreamStart);
        YamlNode root = null;
        if (!parser.checkEvent(Event.ID.StreamEnd)) {
            expect(Event.ID.DocumentStart);
            root = node();
            expect(Event.ID.DocumentEnd);
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                throw new YAMLException("expected a single document in the stream, but found another one at line "
                        + line(parser.peekEvent().getStartMark()));
            }
        }
        expect(Event.ID.StreamEnd);
        return root;
    }

    private YamlNode node() {
        Event event = parser.getEvent();
        if (event instanceof AliasEvent) {
            String name = ((AliasEvent) event).getAnchor();
            YamlNode target = anchors.get(name);
            if (target == null) {
                throw new YAMLException("found undefined alias *" + name + " at line " + line(event.getStartMark()));
            }
            return target;
        }
        int line = line(event.getStartMark());
        YamlNode node;
        if (event instanceof ScalarEvent) {
            node = new YamlNode.Scalar(((ScalarEvent) event).getValue(), line);
        } else if (event.is(Event.ID.SequenceStart)) {
            List<YamlNode> items = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                items.add(node());
            }
            parser.getEvent();
            node = new YamlNode.Sequence(items, line);
        } else if (event.is(Event.ID.MappingStart)) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            while (!parser.checkEvent(Event.ID.MappingEnd)) {
                YamlNode key = node();
                entries.add(new YamlNode.Entry(key, node()));
            }
            parser.getEvent();
            node = new YamlNode.Mapping(entries, line);
        } else {
            throw new YAMLException("unexpected " + event.getEventId() + " at line " + line);
        }
        String anchor = ((NodeEvent) event).getAnchor();
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private void expect(Event.ID id) {
        Event event = parser.getEvent();
        if (!event.is(id)) {
            throw new YAMLException("expected " + id + " but found " + event.getEventId() + " at line "
                    + line(event.getStartMark()));
        }
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }
}
