package dev.leaktrace.cli;

import dev.leaktrace.agent.spelling.Suggestions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The message for a bad command line: an unknown command or option says what it may have meant. */
final class UnknownArguments {
    private UnknownArguments() {
    }

    static String message(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        CommandLine commandLine = e.getCommandLine();
        String word = unmatched.getUnmatched().get(0);
        String where = commandLine.getParent() == null ? "" : commandLine.getCommandName() + ": ";
        if (word.startsWith("-") && word.length() > 1) {
            String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            List<String> options = new ArrayList<>();
            for (OptionSpec option : commandLine.getCommandSpec().options()) {
                options.addAll(List.of(option.names()));
            }
            return where + "unknown option '" + name + "'." + suggestion(name, options);
        }
        if (commandLine.getParent() == null && !commandLine.getSubcommands().isEmpty()) {
            List<String> commands = new ArrayList<>(commandLine.getSubcommands().keySet());
            return "unknown command '" + word + "'." + suggestion(word, commands) + " The commands are "
                    + String.join(", ", commands) + ".";
        }
        return where + "too many arguments: '" + String.join(" ", unmatched.getUnmatched())
                + "' is more than the command takes (see its usage below).";
    }

    private static String suggestion(String word, List<String> candidates) {
        String nearest = Suggestions.nearest(word, candidates);
        return nearest == null ? "" : " Did you mean '" + nearest + "'?";
    }
}
