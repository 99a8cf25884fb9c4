package nl.dockerles.cli;

import nl.dockerles.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

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
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                return Nearest.among(name, optionNames(e.getCommandLine()))
                        .map(nearest -> messages.get("error.option.unknown.suggest", first, command, nearest))
                        .orElseGet(() -> messages.get("error.option.unknown", first, command));
            }
            var subcommands = e.getCommandLine().getSubcommands().keySet();
            if (!subcommands.isEmpty()) {
                return unknownCommand(first, subcommands, messages);
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
        if (e.getArgSpec() == null && e.getValue() != null && !e.getCommandLine().getSubcommands().isEmpty()
                && !e.getCommandLine().getSubcommands().containsKey(e.getValue())) {
            return unknownCommand(e.getValue(), e.getCommandLine().getSubcommands().keySet(), messages); // help nope
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return messages.get("error.option.value", label(e.getArgSpec(), args), e.getValue());
        }
        if (e.getArgSpec() != null) {
            return messages.get("error.option.novalue", label(e.getArgSpec(), args));
        }
        return e.getMessage();
    }

    private static String unknownCommand(String typed, java.util.Set<String> commands, Messages messages) {
        return Nearest.among(typed, commands)
                .map(nearest -> messages.get("error.command.unknown", typed, nearest))
                .orElseGet(() -> messages.get("error.command.unknown.none", typed));
    }

    /** Every name of the command's options that the help shows. */
    private static List<String> optionNames(CommandLine command) {
        return command.getCommandSpec().options().stream().filter(option -> !option.hidden())
                .flatMap(option -> java.util.Arrays.stream(option.names())).toList();
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
