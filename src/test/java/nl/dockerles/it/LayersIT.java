package nl.dockerles.it;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code dockerles demo layers} against the real daemon, run as the built jar: an app image built FROM a base
 * image shares the base's layers, a rebuild comes from the cache, and both images are gone after the run.
 */
class LayersIT {
    private static final String SECTION = "layers";
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern LAYER = Pattern.compile("(?m)^ ---> ([0-9a-f]{12})$");

    @AfterEach
    void nothingLeftBehind() {
        DaemonState.assertNothingLeft(SECTION);
    }

    @Test
    void theAppSharesTheBasesLayersAndARebuildComesFromTheCache() throws Exception {
        boolean basisExistedBefore = Outputs.imageExists("dockerles-basis");
        boolean appExistedBefore = Outputs.imageExists("dockerles-app");

        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION);

        Outputs.assertCleanRun(result);
        String out = result.out();
        String flat = Outputs.flat(out);

        String[] ids = DaemonState.podman() ? buildah(out, flat) : classic(out, flat);
        String basisId = ids[0];
        String appId = ids[1];
        assertThat(out).containsPattern("\\$ docker run --rm dockerles-app\\R"
                + "Hallo uit dockerles-app \\(taal: nl, map: /app\\)\\Rgereedschap uit dockerles-basis\\R");

        // After the run both images are gone, and the layers built for them with them.
        for (String id : List.of(appId, basisId)) {
            assertThatThrownBy(() -> DaemonState.client().inspectImageCmd(id).exec())
                    .as("image " + id).isInstanceOf(NotFoundException.class);
        }
        if (!basisExistedBefore) {
            assertThat(Outputs.imageExists("dockerles-basis")).isFalse();
        }
        if (!appExistedBefore) {
            assertThat(Outputs.imageExists("dockerles-app")).isFalse();
        }
        assertThat(flat).containsPattern("Opgeruimd wat deze demo maakte: .*dockerles-app:latest")
                .containsPattern("Opgeruimd wat deze demo maakte: .*dockerles-basis:latest");
    }

    @Test
    void theEnglishNarrationIsFilledToo() throws Exception {
        DockerlesJar.Result result = DockerlesJar.run(LIMIT, Map.of(), "demo", SECTION, "--lang", "en");

        Outputs.assertCleanRun(result);
        assertThat(Outputs.flat(result.out())).containsPattern("Steps from the cache: \\d+")
                .containsPattern("\\d+ rows: on top the app,");
    }

    /** Docker's classic builder: Step lines, a layer id per step, the cache and the history with the same ids. */
    private static String[] classic(String out, String flat) {
        String basisBuild = between(out, "$ docker build -t dockerles-basis ", "Successfully tagged dockerles-basis:latest");
        List<String> basisLayers = layers(basisBuild);
        String basisId = built(basisBuild);
        assertThat(basisLayers).isNotEmpty().endsWith(basisId);
        assertThat(flat).contains("Het resultaat: dockerles-basis (" + basisId + ")");

        String appBuild = between(out, "$ docker build -t dockerles-app ", "Successfully tagged dockerles-app:latest");
        String appId = built(appBuild);
        assertThat(appBuild).contains("Step 1/").contains(" : FROM dockerles-basis\n ---> " + basisId + "\n");
        assertThat(flat).contains("dockerles-app (" + appId + ") is dus de basis plus een paar bytes");


        // The rebuild: same instructions on the same layers, so the layers come from the cache, the same image.
        int rebuildAt = out.indexOf("$ docker build -t dockerles-app ", out.indexOf(appBuild) + appBuild.length());
        assertThat(rebuildAt).as("the second build of the app").isPositive();
        String rebuild = between(out.substring(rebuildAt), "$ docker build -t dockerles-app ",
                "Successfully tagged dockerles-app:latest");
        long cached = rebuild.lines().filter(" ---> Using cache"::equals).count();
        assertThat(cached).isGreaterThanOrEqualTo(1);
        assertThat(rebuild).doesNotContain("Running in");
        assertThat(built(rebuild)).isEqualTo(appId);
        Matcher note = Pattern.compile("→ Aantal stappen uit de cache: (\\d+)").matcher(flat);
        assertThat(note.find()).as(flat).isTrue();
        assertThat(Long.parseLong(note.group(1))).isEqualTo(cached).isGreaterThanOrEqualTo(1);

        // The app's history holds every layer of the base, with the same ids, and the app's own on top.
        String history = between(out, "$ docker history dockerles-app", "→");
        List<String> rows = history.lines().skip(2).filter(line -> !line.isBlank() && !line.startsWith("→")).toList();
        List<String> historyIds = rows.stream().map(row -> row.split("\\s+")[0]).toList();
        assertThat(historyIds.get(0)).isEqualTo(appId);
        assertThat(historyIds).containsAll(basisLayers);
        assertThat(flat).contains(rows.size() + " regels: bovenaan de app");
        // Which builder ran, from its own output; and what BuildKit shows at home.
        assertThat(flat).contains("Deze build deed de klassieke builder van de daemon").contains("CACHED");
        return new String[] {basisId, appId};
    }

    /**
     * Podman's Buildah: STEP lines, and the compatible "Successfully built" line. Its history shows the layers
     * under ids of its own (not those of the build's lines), so only the count is compared there.
     */
    private static String[] buildah(String out, String flat) {
        String basisBuild = between(out, "$ docker build -t dockerles-basis ", "Successfully tagged dockerles-basis");
        assertThat(basisBuild).contains("STEP 1/5: FROM busybox:latest\n");
        String basisId = built(basisBuild);
        assertThat(flat).contains("Het resultaat: dockerles-basis (" + basisId + ")");

        String appBuild = between(out, "$ docker build -t dockerles-app ", "Successfully tagged dockerles-app");
        String appId = built(appBuild);
        assertThat(appBuild).contains("STEP 1/4: FROM dockerles-basis\n");
        assertThat(flat).contains("dockerles-app (" + appId + ") is dus de basis plus een paar bytes");

        int rebuildAt = out.indexOf("$ docker build -t dockerles-app ", out.indexOf(appBuild) + appBuild.length());
        assertThat(rebuildAt).as("the second build of the app").isPositive();
        String rebuild = between(out.substring(rebuildAt), "$ docker build -t dockerles-app ",
                "Successfully tagged dockerles-app");
        long cached = rebuild.lines().filter(line -> line.startsWith("--> Using cache ")).count();
        assertThat(cached).isGreaterThanOrEqualTo(1);
        assertThat(built(rebuild)).isEqualTo(appId);
        Matcher note = Pattern.compile("→ Aantal stappen uit de cache: (\\d+)").matcher(flat);
        assertThat(note.find()).as(flat).isTrue();
        assertThat(Long.parseLong(note.group(1))).isEqualTo(cached);

        String history = between(out, "$ docker history dockerles-app", "→");
        List<String> rows = history.lines().skip(2).filter(line -> !line.isBlank() && !line.startsWith("→")).toList();
        assertThat(flat).contains(rows.size() + " regels: bovenaan de app");
        assertThat(flat).contains("Deze build deed Buildah, de builder van Podman").contains("CACHED");
        return new String[] {basisId, appId};
    }

    /** The text from the line starting with {@code from} up to and including {@code to}. */
    private static String between(String out, String from, String to) {
        int start = out.indexOf(from);
        assertThat(start).as(from + " in:\n" + out).isNotNegative();
        int end = out.indexOf(to, start);
        assertThat(end).as(to + " after " + from + " in:\n" + out).isPositive();
        return out.substring(start, end + to.length());
    }

    /** The layer ids a build printed ({@code  ---> 3da95372426d}), in order. */
    private static List<String> layers(String build) {
        return LAYER.matcher(build).results().map(m -> m.group(1)).toList();
    }

    private static String built(String build) {
        Matcher m = Pattern.compile("Successfully built ([0-9a-f]{12})").matcher(build);
        assertThat(m.find()).as(build).isTrue();
        return m.group(1);
    }

}
