package dev.leaktrace.analyser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SiteKeysTest {
    private final CanonicalLineParser parser = new CanonicalLineParser();
    private final SiteKeys keys = new SiteKeys();

    private int keyOf(String line) {
        byte[] bytes = ("  " + line + "\n").getBytes(StandardCharsets.US_ASCII); // not at offset 0
        EventLine event = new EventLine();
        assertThat(parser.parse(bytes, 2, bytes.length, event)).as(line).isEqualTo(bytes.length - 1);
        return keys.of(bytes, event);
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
}
