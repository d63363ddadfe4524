package dev.leaktrace.bootstrap;

import java.nio.charset.StandardCharsets;

/** The traced objects alive now of one type and site: how many, and their bytes. */
public final class LiveGroup {
    final byte[] typeToken;
    final byte[] siteToken;
    long count;
    long bytes;

    LiveGroup(byte[] typeToken, byte[] siteToken) {
        this.typeToken = typeToken;
        this.siteToken = siteToken;
    }

    public String type() {
        return new String(typeToken, StandardCharsets.UTF_8);
    }

    public String site() {
        return new String(siteToken, StandardCharsets.UTF_8);
    }

    public long count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }
}
