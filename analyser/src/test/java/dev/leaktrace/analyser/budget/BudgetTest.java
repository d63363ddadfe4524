package dev.leaktrace.analyser.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leaktrace.analyser.TestLogs;
import dev.leaktrace.analyser.result.Analysis;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTest {

    private static Budget parse(String yaml) throws BudgetException {
        return BudgetParser.parse("budget.yaml", new StringReader(yaml));
    }

    @Test
    void readsRulesWithOptionalSiteCountBytesAndUnits() throws Exception {
        Budget budget = parse("""
                # allowed today
                budgets:
                  - type: com.example.Index
                    count: 0
                  - type: WasmFpSrs
                    site: src/srs.rs:42
                    bytes: 200 MiB
                default:
                  bytes: 1024
                """);
        assertThat(budget.rules()).containsExactly(
                new BudgetRule("com.example.Index", null, 0L, null, 3),
                new BudgetRule("WasmFpSrs", "src/srs.rs:42", null, 200L << 20, 5));
        assertThat(budget.fallback().maxBytes()).isEqualTo(1024L);
        assertThat(budget.fallback().maxCount()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "budgets:\\n  - type: Foo\\n    cnt: 1|budget.yaml:3: unknown key 'cnt'",
        "budgets:\\n  - count: 1|budget.yaml:2: budget entry has no 'type'",
        "budgets:\\n  - type: Foo\\n    count: -1|budget.yaml:3: 'count' must be a whole number >= 0",
        "budgets:\\n  - type: Foo\\n    bytes: lots|budget.yaml:3: 'bytes' must be a whole number >= 0",
        "budgets:\\n  - type: Foo|budget.yaml:2: give 'count' and/or 'bytes'",
        "budgets:\\n  - type: Foo\\n    site: Main.java\\n    count: 1|budget.yaml:3: site 'Main.java' must be <file>:<line>",
        "budget:\\n  - type: Foo|budget.yaml:1: unknown key 'budget'",
        "expected:\\n  - site: a.java:1|budget.yaml:2: expected entry has no 'type'",
        "budgets: [unclosed|budget.yaml: not valid YAML",
        "budgets:\\n  type: Foo|budget.yaml:2: 'budgets' must be a list",
    })
    void reportsMistakesWithFileAndLine(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(BudgetException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void listsEveryBreachAndOnlyBreaches() throws Exception {
        Analysis analysis = TestLogs.analyse("""
                @ALLOCATE Index 100 Main.java:10 1
                @ALLOCATE Index 100 Main.java:20 2
                @ALLOCATE Srs 5000 srs.rs:42 3
                @ALLOCATE Other 7 x.rs:1 4
                """);
        Budget budget = parse("""
                budgets:
                  - type: Index
                    count: 1
                  - type: Index
                    site: Main.java:10
                    count: 1
                    bytes: 100
                  - type: Srs
                    bytes: 4096
                  - type: Absent
                    count: 0
                default:
                  count: 0
                """);
        List<BudgetBreach> breaches = BudgetCheck.breaches(budget, analysis);
        assertThat(breaches).extracting(BudgetBreach::subject).containsExactly("Index", "Srs", "Other");
        assertThat(breaches.get(0).message()).isEqualTo("Index: 2 leaked, allowed 1 (budget.yaml:2)");
        assertThat(breaches.get(1).message())
                .isEqualTo("Srs: 5000 bytes (4.9 KiB) leaked, allowed 4096 bytes (4.0 KiB) (budget.yaml:8)");
        assertThat(breaches.get(2).message()).contains("the default");
    }

    @Test
    void withoutADefaultUnlistedTypesAreNotLimited() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE Other 7 x.rs:1 4\n");
        Budget budget = parse("budgets:\n  - type: Index\n    count: 0\n");
        assertThat(BudgetCheck.breaches(budget, analysis)).isEmpty();
    }

    @Test
    void aDefaultAloneLimitsEveryType() throws Exception {
        Analysis analysis = TestLogs.analyse("@ALLOCATE Other 7 x.rs:1 4\n");
        Budget budget = parse("default:\n  count: 0\n");
        assertThat(budget.rules()).isEmpty();
        assertThat(BudgetCheck.breaches(budget, analysis)).extracting(BudgetBreach::subject).containsExactly("Other");
    }

    @Test
    void expectedObjectsAreNeitherBreachesNorCountedByTheDefault() throws Exception {
        Analysis analysis = TestLogs.analyse("""
                @ALLOCATE Srs 5000 srs.rs:42 1
                @ALLOCATE Index 100 Main.java:10 2
                @ALLOCATE Index 100 Main.java:20 3
                """);
        Budget budget = parse("""
                expected:
                  - type: Srs
                  - type: Index
                    site: Main.java:10
                default:
                  count: 0
                """);
        assertThat(budget.expected()).containsExactly(new ExpectedLeak("Srs", null, 2),
                new ExpectedLeak("Index", "Main.java:10", 3));
        List<BudgetBreach> breaches = BudgetCheck.breaches(budget, analysis);
        assertThat(breaches).extracting(BudgetBreach::message)
                .containsExactly("Index: 1 leaked, allowed 0 (budget.yaml:6, the default)");
    }
}
