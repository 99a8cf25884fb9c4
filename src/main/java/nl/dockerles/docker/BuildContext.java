package nl.dockerles.docker;

import com.github.dockerjava.core.dockerfile.Dockerfile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The build context as {@code docker build} sends it (docker-java scans the folder and honours
 * {@code .dockerignore}), with dockerles's labels as one LABEL line at the end of the Dockerfile.
 *
 * <p>Why not the API's {@code labels} parameter: the classic builder of Docker 20.10 makes a step of every
 * label it gets that way, a container and a commit each, 60–80 ms apiece; one line is one step on every version.
 */
final class BuildContext {
    static final String DOCKERFILE = "Dockerfile";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/-]+");

    private BuildContext() {
    }

    static InputStream withLabels(Path folder, Path dockerfile, Map<String, String> labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream gzipped = new Dockerfile(dockerfile.toFile(), folder.toFile()).parse().buildDockerFolderTar();
             TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(gzipped));
             TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(DOCKERFILE) && !labels.isEmpty()) {
                    byte[] content = withLabelLine(new String(in.readAllBytes(), StandardCharsets.UTF_8), labels)
                            .getBytes(StandardCharsets.UTF_8);
                    // A new entry: the input stream finds the next one by the size of its own.
                    TarArchiveEntry changed = new TarArchiveEntry(DOCKERFILE);
                    changed.setMode(entry.getMode());
                    changed.setModTime(entry.getModTime());
                    changed.setSize(content.length);
                    out.putArchiveEntry(changed);
                    out.write(content);
                } else {
                    out.putArchiveEntry(entry);
                    if (entry.isFile()) {
                        in.transferTo(out);
                    }
                }
                out.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    static String withLabelLine(String dockerfile, Map<String, String> labels) {
        return dockerfile + (dockerfile.endsWith("\n") ? "" : "\n") + labelLine(labels) + "\n";
    }

    /** {@code LABEL a=1 b=""}: sorted, so a rebuild in the same run is the same line and comes from the cache. */
    static String labelLine(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(label -> quoted(label.getKey()) + "=" + quoted(label.getValue()))
                .collect(Collectors.joining(" ", "LABEL ", ""));
    }

    private static String quoted(String text) {
        if (PLAIN.matcher(text).matches()) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"';
    }
}
