package dev.leaktrace.analyser.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The keys a {@link CanonicalLineParser} gives sites, and its check of a site only when first met. */
class SiteKeysTest {
    private final CanonicalLineParser parser = new CanonicalLineParser();

    private int parse(String line) {
        byte[] bytes = ("  " + line + "\n").getBytes(StandardCharsets.US_ASCII); // not at offset 0
        EventLine event = new EventLine();
        int newline = parser.parse(bytes, 2, bytes.length, event);
        return newline < 0 ? -1 : event.siteKey;
    }

    private int keyOf(String line) {
        int key = parse(line);
        assertThat(key).as(line).isNotNegative();
        return key;
    }

    @Test
    void equalSitesHaveEqualKeysAndOthersTheNextNumber() {
        assertThat(keyOf("@ALLOCATE com.acme.A 16 com/acme/Service.java:42 1")).isZero();
        assertThat(keyOf("@ALLOCATE com.acme.B 99 com/acme/Service.java:42 2")).isZero(); // the type does not count
        assertThat(keyOf("@ALLOCATE com.acme.A 16 com/acme/Service.java:43 3")).isEqualTo(1);
        assertThat(keyOf("@ALLOCATE com.acme.A 16 com/acme/Service.java:4 4")).isEqualTo(2);
        assertThat(keyOf("@ALLOCATE com.acme.A 16 com/acme/Service.java:42 5")).isZero();
        assertThat(keyOf("@ALLOCATE com.acme.A 16 com/acme/Service.java:43 6")).isEqualTo(1);
    }

    @Test
    void aKnownSiteDoesNotMakeAnInvalidOneValid() {
        assertThat(keyOf("@ALLOCATE T 1 f.rs:1 1")).isZero();
        assertThat(parse("@ALLOCATE T 1 f.rs: 2")).isEqualTo(-1);
        assertThat(parse("@ALLOCATE T 1 f.rs:1x 3")).isEqualTo(-1);
        assertThat(parse("@ALLOCATE T 1 :1 4")).isEqualTo(-1);
        assertThat(parse("@ALLOCATE T 1 f.rs:99999999999 5")).isEqualTo(-1);
        assertThat(parse("@ALLOCATE T 1 f.rs:99999999999 6")).isEqualTo(-1); // declined again, not remembered
        assertThat(keyOf("@ALLOCATE T 1 f.rs:1 7")).isZero();
    }

    @Test
    void aSiteFirstMetOnADeclinedLineKeepsItsKey() {
        assertThat(parse("@ALLOCATE T 1 g.rs:2 0")).isEqualTo(-1); // id 0: the line goes to the general parser
        assertThat(keyOf("@ALLOCATE T 1 h.rs:3 1")).isEqualTo(1);
        assertThat(keyOf("@ALLOCATE T 1 g.rs:2 2")).isZero();
    }
}
