package dev.leaktrace.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

class YamlReaderTest {
    private static YamlNode read(String text) {
        return YamlReader.read(new StringReader(text));
    }

    @Test
    void mappingsListsAndScalarsWithTheirLines() {
        YamlNode root = read("# comment\noutput: x.log\ntypes:\n  - class: a.B\n    drop: [close, \"free\"]\n");
        YamlNode.Mapping top = (YamlNode.Mapping) root;
        assertThat(top.line).isEqualTo(2);
        assertThat(top.entries).hasSize(2);
        assertThat(((YamlNode.Scalar) top.entries.get(0).key).value).isEqualTo("output");
        assertThat(((YamlNode.Scalar) top.entries.get(0).value).value).isEqualTo("x.log");
        YamlNode.Sequence types = (YamlNode.Sequence) top.entries.get(1).value;
        YamlNode.Mapping entry = (YamlNode.Mapping) types.items.get(0);
        assertThat(entry.line).isEqualTo(4);
        YamlNode.Sequence drops = (YamlNode.Sequence) entry.entries.get(1).value;
        assertThat(drops.line).isEqualTo(5);
        assertThat(drops.items).extracting(n -> ((YamlNode.Scalar) n).value).containsExactly("close", "free");
    }

    @Test
    void scalarsStayText() {
        // No tag resolution: numbers, booleans and nulls are read as written.
        YamlNode.Mapping top = (YamlNode.Mapping) read("a: 0x10\nb: yes\nc: ~\nd:\ne: 'q'\n");
        assertThat(top.entries).extracting(e -> ((YamlNode.Scalar) e.value).value)
                .containsExactly("0x10", "yes", "~", "", "q");
    }

    @Test
    void anEmptyDocumentIsNull() {
        assertThat(read("")).isNull();
        assertThat(read("# only a comment\n")).isNull();
    }

    @Test
    void aliasesShareTheirAnchorsNode() {
        YamlNode.Mapping top = (YamlNode.Mapping) read("a: &d [close]\nb: *d\n");
        assertThat(top.entries.get(1).value).isSameAs(top.entries.get(0).value);
    }

    @Test
    void badYamlIsReportedWithItsPlace() {
        assertThatThrownBy(() -> read("types:\n  - class: [a\n"))
                .isInstanceOf(MarkedYAMLException.class)
                .satisfies(e -> assertThat(((MarkedYAMLException) e).getProblemMark().getLine()).isGreaterThan(0));
    }

    @Test
    void secondDocumentsAndUnknownAliasesAreRejected() {
        assertThatThrownBy(() -> read("a: 1\n---\nb: 2\n"))
                .isInstanceOf(YAMLException.class).hasMessageContaining("single document").hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("a: *nowhere\n"))
                .isInstanceOf(YAMLException.class).hasMessageContaining("*nowhere");
    }

    @Test
    void describesWhatWasFound() {
        YamlNode.Mapping top = (YamlNode.Mapping) read("a: [x]\nb: {c: d}\ne: f\n");
        assertThat(top.entries).extracting(e -> e.value.describe()).containsExactly("a list", "a mapping", "'f'");
    }
}
