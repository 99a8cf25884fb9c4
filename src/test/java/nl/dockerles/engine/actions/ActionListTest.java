package nl.dockerles.engine.actions;

import nl.dockerles.engine.Action;
import nl.dockerles.engine.Actions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine finds the actions through META-INF/services: every action class in this package is listed there. */
class ActionListTest {

    @Test
    void everyActionInThisPackageIsListed() throws IOException {
        var folder = Path.of("src/main/java/nl/dockerles/engine/actions");
        java.util.Set<String> classes;
        try (Stream<Path> files = Files.list(folder)) {
            classes = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith("Action.java"))
                    .map(n -> "nl.dockerles.engine.actions." + n.substring(0, n.length() - ".java".length()))
                    .collect(Collectors.toSet());
        }
        assertThat(classes).isNotEmpty();
        assertThat(Actions.all().values().stream().map(Action::getClass).map(Class::getName))
                .containsExactlyInAnyOrderElementsOf(classes);
    }
}
