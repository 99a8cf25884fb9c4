package nl.dockerles.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * picocli's help names an option by its shortest name in the synopsis and lists its names shortest first, so a
 * Dutch help said {@code [--from=N]} and an English one {@code [--typen]}. Here an option with a name in the
 * help's language ({@code option.names} in the bundle) is named by that name in the synopsis and lists it first;
 * the other language's name still works and is still listed. Options without such a name are left as picocli
 * shows them.
 */
final class HelpInLanguage extends Help {
    private final Set<String> names;

    private HelpInLanguage(CommandSpec spec, ColorScheme scheme, Set<String> names) {
        super(spec, scheme);
        this.names = names;
    }

    /** The help of {@code cli} and its subcommands in the language whose option names are {@code names}. */
    static void install(CommandLine cli, String names) {
        Set<String> own = Set.copyOf(Arrays.asList(names.trim().split("\\s+")));
        cli.setHelpFactory((spec, scheme) -> new HelpInLanguage(spec, scheme, own));
    }

    @Override
    protected Text createDetailedSynopsisOptionsText(Collection<ArgSpec> done, List<OptionSpec> optionList,
                                                     Comparator<OptionSpec> optionSort, boolean clusterBooleanOptions) {
        List<OptionSpec> shown = new ArrayList<>();
        for (OptionSpec option : optionList) {
            if (!done.contains(option)) {
                shown.add(inLanguage(option));
            }
        }
        return super.createDetailedSynopsisOptionsText(List.of(), shown, optionSort, clusterBooleanOptions);
    }

    /** Alphabetical as picocli sorts, by the name the list shows first: {@code --vanaf} under v in Dutch. */
    @Override
    public Comparator<OptionSpec> createDefaultOptionSort() {
        Comparator<OptionSpec> picocli = super.createDefaultOptionSort();
        return picocli == null ? null : (a, b) -> picocli.compare(inLanguage(a), inLanguage(b));
    }

    @Override
    public IOptionRenderer createDefaultOptionRenderer() {
        IOptionRenderer picocli = super.createDefaultOptionRenderer();
        return (option, labels, scheme) -> {
            Text[][] rows = picocli.render(option, labels, scheme);
            List<String> longNames = ordered(option).stream().filter(name -> name.length() > 2).toList();
            if (rows.length > 0 && rows[0].length == 5 && longNames.size() > 1) {
                // The same names, the help's language first: the column keeps its width.
                rows[0][3] = scheme.optionText(String.join(", ", longNames))
                        .concat(labels.renderParameterLabel(option, scheme.ansi(), scheme.optionParamStyles()));
            }
            return rows;
        };
    }

    /** The option with only its names in this language (and its short name), for the synopsis. */
    private OptionSpec inLanguage(OptionSpec option) {
        List<String> kept = Arrays.stream(option.names()).filter(n -> n.length() == 2 || names.contains(n)).toList();
        if (kept.size() == option.names().length || kept.stream().noneMatch(names::contains)) {
            return option;
        }
        return OptionSpec.builder(option).names(kept.toArray(String[]::new)).paramLabel(option.paramLabel()).build();
    }

    /** The option's names, those in this language first, else shortest first as picocli has them. */
    private List<String> ordered(OptionSpec option) {
        return Arrays.stream(option.names())
                .sorted(Comparator.comparing((String name) -> !names.contains(name)).thenComparingInt(String::length))
                .toList();
    }
}
