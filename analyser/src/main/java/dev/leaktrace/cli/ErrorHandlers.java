package dev.leaktrace.cli;

import dev.leaktrace.analyser.result.StrictModeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one line starting with {@code leaktrace:}; users never see a stack trace. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    /** Bad command lines: the message, then the usage of the command that was being parsed. */
    static final class Parameters implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine commandLine = e.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println("leaktrace: " + UnknownArguments.message(e));
            commandLine.usage(err);
            return ExitCodes.USAGE;
        }
    }

    /** Exceptions from commands: expected ones carry a message meant for the user. */
    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
            return failed(e, commandLine.getErr());
        }
    }

    /** Tells the user about an exception from a command; returns the exit code. */
    static int failed(Exception e, PrintWriter err) {
        err.println("leaktrace: " + message(e));
        return ExitCodes.USAGE;
    }

    /** What to tell the user about an exception from a command (after "leaktrace: "). */
    private static String message(Exception e) {
        String message = e.getMessage();
        if (e instanceof RuntimeException && !(e instanceof StrictModeException)
                || message == null) {
            message = "internal error: " + e + "; please report this with the command line you ran";
        }
        return message;
    }
}
