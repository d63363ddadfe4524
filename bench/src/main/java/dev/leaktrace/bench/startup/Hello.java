package dev.leaktrace.bench.startup;

/** Workload 3: the smallest program; its wall time is the JVM's start plus the agent's. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
