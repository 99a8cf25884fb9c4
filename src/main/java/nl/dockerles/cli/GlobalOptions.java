package nl.dockerles.cli;

import picocli.CommandLine.Option;

/** Options every command has. Language and --debug are also read before parsing (see {@link Dockerles}). */
public final class GlobalOptions {
    @Option(names = "--debug", descriptionKey = "option.debug", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean debug;

    @Option(names = "--lang", paramLabel = "nl|en", descriptionKey = "option.lang",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    String lang;

    @Option(names = "--prefix", paramLabel = "${bundle:label.name}", descriptionKey = "option.prefix",
            defaultValue = "${env:DOCKERLES_PREFIX}", scope = picocli.CommandLine.ScopeType.INHERIT)
    String prefix;

    @Option(names = "--no-color", descriptionKey = "option.nocolor", scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean noColor;
}
