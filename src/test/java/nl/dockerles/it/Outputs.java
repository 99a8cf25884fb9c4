package nl.dockerles.it;

import com.github.dockerjava.api.exception.NotFoundException;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What every section's integration test checks of a run's output. */
final class Outputs {
    /** A placeholder left unfilled: "{demo.status}", but not a Go template "{{.State.Pid}}". */
    static final Pattern UNFILLED = Pattern.compile("(?<!\\{)\\{[A-Za-z][A-Za-z0-9._-]*}(?!})");

    private Outputs() {
    }

    /** The output with every run of white space as one space: narration is wrapped to the terminal's width. */
    static String flat(String out) {
        return out.replaceAll("\\s+", " ");
    }

    /** Exit 0, nothing on stderr, no colour codes or library logging, every placeholder filled. */
    static void assertCleanRun(DockerlesJar.Result result) {
        assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).doesNotContain("\u001B[").doesNotContain("SLF4J");
        assertThat(UNFILLED.matcher(result.out()).results().map(MatchResult::group)
                .filter(found -> !found.equals("{ps}")).toList())
                .as("placeholders left unfilled").isEmpty();
    }

    static boolean imageExists(String reference) {
        try {
            DaemonState.client().inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
