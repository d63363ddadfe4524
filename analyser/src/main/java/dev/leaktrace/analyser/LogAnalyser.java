package dev.leaktrace.analyser;

import dev.leaktrace.analyser.pair.Pairing;
import dev.leaktrace.analyser.read.LineReader;
import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.read.LogReader;
import dev.leaktrace.analyser.read.PipelinedReader;
import dev.leaktrace.analyser.result.Analysis;
import dev.leaktrace.analyser.result.Problems;
import dev.leaktrace.analyser.result.StrictModeException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads logs in one pass each and turns them into an {@link Analysis}: the pipeline of reading and
 * parsing ({@code read}, {@code parse}) into pairing ({@code pair}), whose tables become the
 * {@code result}.
 */
public final class LogAnalyser {
    private final boolean strict;
    private final int batchSize;

    /** @param strict whether the first input problem is fatal ({@link StrictModeException}) */
    public LogAnalyser(boolean strict) {
        // With two cores, one reads and parses while the other pairs; with one, a second thread
        // would only add the cost of handing lines over.
        this(strict, Runtime.getRuntime().availableProcessors() >= 2 ? PipelinedReader.BLOCK_SIZE : 0);
    }

    /** @param batchSize the block size of a {@link PipelinedReader}, or 0 to read on this thread alone */
    LogAnalyser(boolean strict, int batchSize) {
        this.strict = strict;
        this.batchSize = batchSize;
    }

    public Analysis analyse(List<LogInput> inputs) throws LogReadException {
        for (LogInput input : inputs) {
            input.checkReadable();
        }
        Pairing pairing = new Pairing(new Problems(strict));
        List<String> files = new ArrayList<>(inputs.size());
        for (LogInput input : inputs) {
            read(input, pairing);
            files.add(input.name());
        }
        return pairing.analysis(List.copyOf(files));
    }

    private void read(LogInput input, Pairing pairing) throws LogReadException {
        pairing.beginFile(input.name());
        LogReader reader = batchSize > 0 ? new PipelinedReader(batchSize) : new LineReader();
        try (InputStream in = input.open()) {
            reader.read(in, pairing);
        } catch (IOException e) {
            long linesRead = reader.linesRead();
            if (linesRead == 0 && !(e instanceof EOFException)) {
                throw new LogReadException("cannot read " + input.name() + ": " + e.getMessage());
            }
            pairing.endedEarly(linesRead, String.valueOf(e.getMessage()));
        }
        pairing.endFile();
    }
}
