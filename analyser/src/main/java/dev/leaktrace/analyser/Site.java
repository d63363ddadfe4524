package dev.leaktrace.analyser;

/** A {@code file:line} allocation site, split on its last colon. */
record Site(String file, int line) {
    static Site parse(String site) {
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
