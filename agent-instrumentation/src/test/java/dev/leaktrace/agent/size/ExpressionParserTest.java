package dev.leaktrace.agent.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a + b * c              | (a + (b * c))",
        "a * b + c              | ((a * b) + c)",
        "(a + b) * c            | ((a + b) * c)",
        "a - b - c              | ((a - b) - c)",
        "a / b / c              | ((a / b) / c)",
        "a - -b                 | (a - (-b))",
        "-a * b                 | ((-a) * b)",
        "--a                    | (-(-a))",
        "index.rows.length*8+64 | ((index.rows.length * 8) + 64)",
        "data.size() * 16       | (data.size() * 16)",
        "this.points.length     | points.length",
        "this . count           | count",
        "a.b().c.d()            | a.b().c.d()",
        "((((x))))              | x",
    })
    void parsesWithPrecedenceAndAssociativity(String text, String structure) throws Exception {
        assertThat(ExpressionParser.parse(text)).hasToString(structure);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "count*(8 + )  | 12 | unexpected ')' at column 12: expected a number, a name or '('",
        "count +       | 8  | unexpected end of expression at column 8: expected a number, a name or '('",
        "(count + 8    | 11 | unexpected end of expression at column 11: expected an operator (+ - * /) or ')' to close '(' at column 1",
        "count 8       | 7  | unexpected number 8 at column 7: expected an operator (+ - * /) or the end",
        "count)        | 6  | unexpected ')' at column 6: expected an operator (+ - * /) or the end",
        "a..b          | 3  | unexpected '.' at column 3: expected a field or method name",
        "a.            | 3  | unexpected end of expression at column 3: expected a field or method name",
        "get(1)        | 5  | unexpected number 1 at column 5: expected ')': only methods without arguments can be called",
        "get(x)        | 5  | unexpected name 'x' at column 5: expected ')': only methods without arguments can be called",
        "this          | 5  | unexpected end of expression at column 5: expected '.' after 'this'",
        "a.this        | 3  | unexpected keyword 'this' at column 3: 'this' can only start a path",
        "Foo.class     | 5  | unexpected keyword 'class' at column 5: class literals are not supported",
        "new Foo       | 1  | unexpected keyword 'new' at column 1: objects cannot be created",
        "null          | 1  | unexpected keyword 'null' at column 1",
        "count % 2     | 7  | unexpected '%' at column 7: expected a number, a name, an operator",
        "rows[0]       | 5  | unexpected '[' at column 5: array elements cannot be read",
        "size * 1.5    | 9  | unexpected '.' at column 9: sizes are whole numbers of bytes",
        "get(a, b)     | 5  | unexpected name 'a' at column 5",
        "* 2           | 1  | unexpected '*' at column 1: expected a number, a name or '('",
    })
    void reportsSyntaxErrorsWithColumnAndExpectation(String text, int column, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(text))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageStartingWith(message)
                .extracting(e -> ((SizeRuleException) e).column()).isEqualTo(column);
    }

    @org.junit.jupiter.api.Test
    void rejectsStringLiterals() {
        assertThatThrownBy(() -> ExpressionParser.parse("name + \"x\""))
                .isInstanceOf(SizeRuleException.class)
                .hasMessage("unexpected '\"' at column 8: string and character literals are not supported");
    }

    @org.junit.jupiter.api.Test
    void rejectsPathologicalNesting() {
        String deep = "(".repeat(200) + "x" + ")".repeat(200);
        assertThatThrownBy(() -> ExpressionParser.parse(deep))
                .isInstanceOf(SizeRuleException.class)
                .hasMessageContaining("nested too deeply");
    }
}
