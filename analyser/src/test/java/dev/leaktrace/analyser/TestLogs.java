package dev.leaktrace.analyser;

import dev.leaktrace.analyser.read.LogInput;
import dev.leaktrace.analyser.read.LogReadException;
import dev.leaktrace.analyser.result.Analysis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Analyses log text held in a test, as if read from standard input. */
public final class TestLogs {
    /** One leak of 200 MiB and one allocation dropped again. */
    public static final String SEED = """
            @ALLOCATE WasmFpSrs 209715200 src/srs.rs:42 1
            @ALLOCATE WasmPastaFpPlonkIndex 52428800 src/pasta_fp_plonk_index.rs:179 2
            @DROP WasmPastaFpPlonkIndex 52428800 2
            """;

    private TestLogs() {
    }

    public static Analysis analyse(String log) throws LogReadException {
        return analyse(log, false);
    }

    public static Analysis analyse(String log, boolean strict) throws LogReadException {
        return new LogAnalyser(strict).analyse(List.of(stdin(log)));
    }

    public static LogInput stdin(String log) {
        return LogInput.of("-", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    }
}
