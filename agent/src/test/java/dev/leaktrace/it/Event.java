package dev.leaktrace.it;

/** One parsed @ALLOCATE / @DROP / @GC line of the agent's log. */
public record Event(String kind, String type, long size, String site, long id) {
    public static Event parse(String line) {
        String[] f = line.split(" ", -1);
        switch (f[0]) {
            case "@ALLOCATE":
                if (f.length != 5) {
                    throw new AssertionError("malformed line: " + line);
                }
                return new Event("ALLOCATE", f[1], Long.parseLong(f[2]), f[3], Long.parseLong(f[4]));
            case "@DROP":
            case "@GC":
                if (f.length != 4) {
                    throw new AssertionError("malformed line: " + line);
                }
                return new Event(f[0].substring(1), f[1], Long.parseLong(f[2]), null, Long.parseLong(f[3]));
            default:
                throw new AssertionError("not an event line: " + line);
        }
    }
}
