/**
 * What instrumented code calls: the recorder, the per-object registry and the line sink.
 *
 * <p>Everything in this package uses the JDK alone and is defined in the bootstrap class loader
 * at start-up, because advice inlined into JDK classes (FileInputStream, ZipFile, ...) can only
 * see bootstrap classes. The agent hands in what it needs through the small interfaces declared
 * here.
 *
 * <h2>Rules of the premain path</h2>
 *
 * The premain path is this package, {@code dev.leaktrace.api} and {@code dev.leaktrace.agent} with
 * all its subpackages: the code that runs before the application's {@code main}, inside the class
 * file transformer, and inside the application's traced constructors and drop methods.
 * {@code dev.leaktrace.rules.PremainBytecodeRulesTest} checks both rules on the built classes.
 * <ol>
 * <li><b>No {@code invokedynamic}.</b> No lambda or method reference (write a small named
 * class), no record that leaves toString, equals or hashCode to the compiler (spell them out),
 * and string concatenation compiled inline ({@code -XDstringConcat=inline} in the modules'
 * builds). The first run of each call site makes the JDK generate and load classes: time before
 * {@code main}, and class loading inside the transformer or a traced constructor, where it can
 * recurse into the agent (docs/performance.md has the cost).</li>
 * <li><b>The bootstrap module names {@code java.*} and its own packages alone</b>: in its
 * constant pools, as owners of the fields and methods it uses, in descriptors and as
 * supertypes. The boot class loader that defines it sees nothing of the agent or its shaded
 * libraries, and the JDK's other packages are internal or unsupported.</li>
 * </ol>
 *
 * <h2>Concurrency</h2>
 *
 * The threads: application threads, each the owner of its {@code ThreadState} (a virtual thread,
 * of the state lent to it while it borrows it) and, per sink, a platform thread's
 * {@code ThreadBuffer}; the writer ({@code leaktrace-writer}); the reaper
 * ({@code leaktrace-gc-watch}); the exit hook ({@code leaktrace-exit-flush}) and the exit's writing
 * ({@code leaktrace-exit-write}); and readers through {@link RecorderQueries}. A thread already
 * inside the recorder (a size rule that creates a traced object; with JDK classes traced, any
 * exception, string, class value, thread-local or stack walk the recorder makes), one of the
 * agent's own threads, or one running the class file transformer, is not recorded
 * ({@code ThreadState.busy}, checked by every call from rewritten code before it constructs
 * anything); nor is a thread inside its own first thread-local lookup ({@code LookupGuard}).
 *
 * <h3>Threads that end</h3>
 * Nothing of a thread outlives it for long, however many threads come and go: a platform thread's
 * {@code ThreadState} lives in its thread-local (and for at most a reaper's sweep in the cache of
 * recent states); a platform thread's buffer is retired once its thread is found ended (by the
 * writer's sweep every {@code FLUSH_INTERVAL_MS}, or by threads taking a buffer, two checks each),
 * written out, and handed to the next new thread ({@code ThreadBuffers}), so entries that name it
 * hold a buffer in use or pooled; the registry lists platform threads in a concurrent set, from
 * which ended ones are removed the same way (two checks per thread listed, and the reaper's sweep).
 * A virtual thread has no state of its own: {@code VirtualStates} lends it one while it is inside
 * the recorder or has a construction or a marked library call in progress, and it gives it back
 * when idle again. The borrower is found by identity (a virtual thread may be unmounted and moved
 * to another carrier while it holds a state: inside a constructor, or on a monitor of ours), and
 * a borrower's writes reach the next one through the release store that gives the state back and
 * the next one's compare-and-set that takes it. A lent state keeps its id block and newest slot from
 * one borrower to the next, and is listed by the registry like a platform thread's; the states
 * number the virtual threads inside the recorder or a construction at once (64 at most). Past that
 * a virtual thread gets a state of its own in an overflow map until idle, with no newest slot (its
 * objects go straight into the segments). The reaper's sweep frees what threads that ended still
 * held, once a second. No virtual thread takes a monitor of the sink on its common path (unmounted
 * on it, it would hold its state, and on a loaded executor wait long to be mounted again): a lent
 * state's lines go into its batch ({@code LentLines}) under a spin lock held only for straight-line
 * work; a state of one thread hands each line over on its own.
 *
 * <h3>Lines: per-thread buffers and their hand-over</h3>
 * <ol>
 * <li>Only a buffer's owner writes its bytes and moves {@code published}, by a release store after
 * each whole line. Bytes below {@code published} do not change until they are written out. A
 * buffer changes owner only under the write lock, after its thread ended and its lines were
 * written out; its stream position goes on, so an entry's {@code ownerEnd} keeps its meaning.</li>
 * <li>Any thread holding the sink's write lock may write out the bytes from {@code written} to
 * {@code published}: the writer's periodic flush, a release on another thread, the exit.
 * {@code written} and {@code writtenTotal} change under that lock only.</li>
 * <li>When its buffer is full, the owner, under the write lock, hands the unwritten lines to the
 * writer's queue and takes a fresh array; it writes them itself instead when there is no writer
 * yet, the exit has begun, the writer is {@code MAX_HANDED_OVER} buffers behind, or no array can be
 * had.</li>
 * <li>A lent state's batch ({@code LentLines}) is a buffer outside the list: its borrower appends
 * under the batch's spin lock, and whole batches go to the writer's queue, handed over by the
 * borrower when full, by the writer's flush, or by a thread about to release an object whose
 * allocation line the batch holds (its {@code writtenTotal} then counts what was queued, which
 * precedes anything written later). The spin lock is taken after the write lock, never before it.</li>
 * <li>Every write to the stream, under the stream lock (taken after the write lock), first writes
 * what was handed over, oldest first: no line is torn, interleaved or reordered. A line outside
 * any buffer (a virtual thread's, or one too long for a buffer) is handed over on its own, so it
 * follows its thread's earlier lines and precedes anything written after it; its entry names no
 * buffer.</li>
 * <li>A release line written by another thread than the object's @ALLOCATE: that thread first
 * writes the allocating buffer out up to the entry's {@code ownerEnd}, so a release never precedes
 * its allocation.</li>
 * <li>Everything is written within {@code LineSink.FLUSH_INTERVAL_MS} (what a killed JVM loses at
 * most) and at exit.</li>
 * </ol>
 *
 * <h3>Entries: one report per object</h3>
 * <ol>
 * <li>A traced object's {@code TrackedRef} waits in its owner's {@code newest} slot (a lent state's:
 * its borrower's of the moment) until the owner traces its next object, then lives in a {@code Registry} segment. Only the owner sets the slot;
 * other threads only clear it, by compare-and-set from the entry they saw, so the owner's store is
 * never lost.</li>
 * <li>An entry moves into its segment before it leaves the slot: it may be in both for a moment,
 * never in neither, and a search looks at the segment, the slots, then the segment again.</li>
 * <li>Whoever wins {@code TrackedRef.end()} (a drop on any thread, the reaper) writes the one line
 * that ends the object and clears the entry from both places; a loser writes nothing.</li>
 * <li>Other threads meet an entry only after its @ALLOCATE is published: a drop elsewhere needs the
 * object, which reaches them once its constructor, which records it, has returned (an object a
 * constructor hands to another thread before it returns is not covered), and the GC enqueues it
 * only once the object is unreachable. An entry with id 0 was bound by a constructor that threw:
 * its object was never reported, so neither is its collection.</li>
 * </ol>
 *
 * <h3>The GC reaper</h3>
 * Entries are weak references on the registry's queue. {@code GcReaper} takes each collected one
 * from the queue and, if it wins {@code end()}, writes a @DROP for {@code gc} types and a @GC for the
 * others; a dropped entry is unreachable and never enqueued. Each second it moves the newest objects
 * of threads that ended into the segments and forgets those threads (threads being listed do the
 * same, a few at a time); the writer retires their buffers once written out. The agent's own
 * threads catch everything, out-of-memory errors included, and go on. Before the first exit flush the exit hook reports what the GC queued
 * and the reaper has not reached; a test gate ({@link RecorderQueries#collectGarbage}) does the
 * same, then waits for a report in progress.
 *
 * <h3>The two exit flushes</h3>
 * The exit hook has its writing done on a thread made at start (there may be no memory to make one
 * at exit) and waits for it at most {@code EXIT_DEADLINE_MS}: a stuck output or an exhausted heap
 * must not keep the JVM from ending; past the deadline it says so and lets the JVM end. The
 * writing sets {@code writeThrough}, flushes, waits a millisecond and flushes again; from
 * then on each thread writes its own lines at once, since other shutdown hooks may still trace.
 * A thread reads {@code writeThrough} after publishing a line with a release store (or after
 * handing a line over) and no fence in between, so it may read false while its line is not yet in memory: the first flush can miss a
 * line its thread will not write itself. The second one sees it: a store reaches memory within
 * nanoseconds, and a thread descheduled in between drains its stores when it is switched out.
 * Every line published later reads {@code writeThrough} as true.
 */
package dev.leaktrace.bootstrap;
