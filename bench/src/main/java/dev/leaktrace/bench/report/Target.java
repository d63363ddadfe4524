package dev.leaktrace.bench.report;

/** One row of the targets table: a figure, its target, what this run measured and the verdict. */
record Target(String figure, String goal, String measured, Verdict verdict) {
}
