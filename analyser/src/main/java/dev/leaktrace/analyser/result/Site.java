package dev.leaktrace.analyser.result;

/** A {@code file:line} allocation site, split on its last colon. */
public record Site(String file, int line) {
    public static Site parse(String site) {
        int colon = site.lastIndexOf(':');
        if (colon < 0) {
            return new Site(site, -1);
        }
        try {
            return new Site(site.substring(0, colon), Integer.parseInt(site.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return new Site(site, -1);
        }
    }
}
