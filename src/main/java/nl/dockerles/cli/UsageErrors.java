package nl.dockerles.cli;

import nl.dockerles.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** picocli's own complaints about the command line, in the user's language, with a suggestion for a typo. */
final class UsageErrors {
    private UsageErrors() {
    }

    /** {@code args}: the command line as typed, to name an option the way the user wrote it (--typen, --typing). */
    static String describe(CommandLine.ParameterException e, String[] args, Messages messages) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                List<String> suggestions = unmatched.getSuggestions();
                return suggestions.isEmpty() ? messages.get("error.option.unknown", first, command)
                        : messages.get("error.option.unknown.suggest", first, command, suggestions.get(0));
            }
            var subcommands = e.getCommandLine().getSubcommands().keySet();
            if (!subcommands.isEmpty()) {
                String nearest = subcommands.stream().filter(name -> !name.equals("help"))
                        .min(Comparator.comparingInt(name -> Sections.distance(name, first))).orElse("list");
                return messages.get("error.command.unknown", first, nearest);
            }
            return messages.get("error.argument.extra", String.join(" ", unmatched.getUnmatched()), command);
        }
        if (e instanceof CommandLine.MissingParameterException missing
                && missing.getMissing().stream().allMatch(OptionSpec.class::isInstance)) {
            return messages.get("error.option.novalue", label(missing.getMissing().get(0), args));
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            String what = missing.getMissing().stream().map(arg -> label(arg, args)).collect(Collectors.joining(", "));
            return messages.get("error.parameter.missing", what, command);
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten) {
            return messages.get("error.option.twice", label(overwritten.getOverwritten(), args));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return messages.get("error.option.value", label(e.getArgSpec(), args), e.getValue());
        }
        if (e.getArgSpec() != null) {
            return messages.get("error.option.novalue", label(e.getArgSpec(), args));
        }
        return e.getMessage();
    }

    /** An option by the name the user typed (--typen=abc: "--typen"); else its longest name. */
    private static String label(ArgSpec arg, String[] args) {
        if (arg instanceof OptionSpec option) {
            for (String typed : args) {
                for (String name : option.names()) {
                    if (typed.equals(name) || typed.startsWith(name + "=")) {
                        return name;
                    }
                }
            }
            return option.longestName();
        }
        return arg.paramLabel();
    }
}
