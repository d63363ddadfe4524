package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizeRuleParseTest {

    @Test
    void keywordsSelectShallowAndDeep() throws Exception {
        assertThat(SizeRule.parse("shallow")).isSameAs(SizeRule.shallow()).isInstanceOf(ShallowSize.class);
        assertThat(SizeRule.parse("  deep ")).isInstanceOf(DeepSize.class);
        assertThat(SizeRule.parse("deep").describe()).isEqualTo("deep");
        assertThat(SizeRule.shallow().describe()).isEqualTo("shallow");
    }

    @Test
    void integerIsAConstantNumberOfBytes() throws Exception {
        SizeRule rule = SizeRule.parse("4096");
        assertThat(rule).isEqualTo(new ConstantSize(4096));
        assertThat(rule.describe()).isEqualTo("4096");
        assertThat(rule.bind(Object.class, null).estimate(new Object())).isEqualTo(4096);
        assertThat(SizeRule.parse("0")).isEqualTo(new ConstantSize(0));
    }

    @Test
    void negativeConstantIsRejected() {
        assertThatThrownBy(() -> SizeRule.parse("-4096"))
                .isInstanceOf(SizeRuleException.class)
                .hasMessage("negative size -4096 at column 1: a size is a number of bytes, 0 or more")
                .extracting(e -> ((SizeRuleException) e).column()).isEqualTo(1);
    }

    @Test
    void constantTooLargeForALongIsRejected() {
        assertThatThrownBy(() -> SizeRule.parse("99999999999999999999"))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("number 99999999999999999999 at column 1 is too large");
    }

    @Test
    void arithmeticOnConstantsIsFoldedWhenParsed() throws Exception {
        assertThat(SizeRule.parse("4 * 1024 + 16")).isEqualTo(new ConstantSize(4112));
        assertThatThrownBy(() -> SizeRule.parse("1 - 2"))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("negative size");
        assertThatThrownBy(() -> SizeRule.parse("8 / (2 - 2)"))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("/ by zero");
        assertThatThrownBy(() -> SizeRule.parse("9223372036854775807 + 1"))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("overflow");
    }

    @Test
    void classPrefixNamesACustomEstimator() throws Exception {
        SizeRule rule = SizeRule.parse("class: com.example.Outer$MyEstimator");
        assertThat(rule).isEqualTo(new CustomSize("com.example.Outer$MyEstimator"));
        assertThat(rule.describe()).isEqualTo("class:com.example.Outer$MyEstimator");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "class:           | 7  | expected a class name after 'class:' at column 7",
        "class:com..Foo   | 11 | unexpected '.' at column 11",
        "class:com.Foo-X  | 14 | unexpected '-' at column 14",
        "class:1com.Foo   | 7  | unexpected '1' at column 7",
        "class:com.Foo.   | 14 | unexpected '.' at column 14",
    })
    void malformedClassNameIsRejectedWithItsColumn(String text, int column, String message) {
        assertThatThrownBy(() -> SizeRule.parse(text))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageStartingWith(message)
                .extracting(e -> ((SizeRuleException) e).column()).isEqualTo(column);
    }

    @Test
    void emptyOrMissingTextIsRejected() {
        assertThatThrownBy(() -> SizeRule.parse("   "))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("expected a number of bytes, 'shallow', 'deep'");
        assertThatThrownBy(() -> SizeRule.parse(null))
                .isInstanceOf(SizeRuleException.class)
                .extracting(e -> ((SizeRuleException) e).column()).isEqualTo(0);
    }

    @Test
    void anythingElseIsAnExpression() throws Exception {
        SizeRule rule = SizeRule.parse(" index.rows.length * 8 + 64");
        assertThat(rule).isInstanceOf(ExpressionSize.class);
        assertThat(rule.describe()).isEqualTo("index.rows.length * 8 + 64");
    }

    @Test
    void columnsCountLeadingBlanksOfTheOriginalText() {
        assertThatThrownBy(() -> SizeRule.parse("  count + )"))
                .isInstanceOf(SizeRuleException.class)
                .hasMessage("unexpected ')' at column 11: expected a number, a name or '('");
    }
}
