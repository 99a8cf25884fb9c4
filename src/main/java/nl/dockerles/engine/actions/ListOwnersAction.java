package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Message;
import nl.dockerles.Messages;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code list-owners}: the files of a folder on this machine with their owners as numbers, as {@code ls -ln}
 * shows them; the owner is what the kernel says (unix:uid), not what anyone assumes. For one file it also
 * records a remark for the note that is true for who runs dockerles: root (uid 0, as in CI), or an ordinary user.
 *
 * <p>Settings: {@code path} (required, the folder: "{workdir}"), {@code file} (the file the facts are about),
 * {@code by} (who the container ran as when it made that file: {@code root}, or {@code me} for
 * {@code --user {uid}:{gid}}).
 *
 * <p>Facts: {@code <file>.uid}, {@code <file>.gid}, {@code owner.uid}, {@code owner.remark}.
 */
public final class ListOwnersAction implements Action {
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ENGLISH);

    @Override
    public String name() {
        return "list-owners";
    }

    @Override
    public String shell(Map<String, String> with) {
        return "ls -ln \"" + with.getOrDefault("path", ".") + "\"";
    }

    /**
     * The first ls line formats a time in this machine's zone (the zone rules and the English month names) and the
     * first check of who runs dockerles makes a temporary file (its random name seeds a SecureRandom): together
     * some 15 ms of the step. Done once here, with a file of its own that is removed again.
     */
    @Override
    public void warmUp() {
        RECENT.format(Instant.EPOCH.atZone(ZoneId.systemDefault()));
        OLD.format(Instant.EPOCH.atZone(ZoneId.systemDefault()));
        try {
            myUid(Path.of("."));
        } catch (RuntimeException e) {
            // only a head start: the step says what is wrong
        }
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String folderSetting = with.get("path");
        if (folderSetting == null || folderSetting.isBlank()) {
            throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", "with.path",
                    new Message("error.content.absent"));
        }
        Path folder = Path.of(folderSetting.strip());
        List<Entry> entries = list(folder);
        Instant now = context.time().now();
        String output = render(entries, now);
        context.console().output(output);

        String file = with.get("file");
        if (file != null && !file.isBlank()) {
            Entry entry = entries.stream().filter(e -> e.name().equals(file.strip())).findFirst().orElseThrow(
                    () -> new DockerlesException(ExitCode.DOCKER_ERROR, "action.owners.missing", file, folder));
            int me = myUid(folder);
            String by = with.get("by");
            if (by != null && !by.equals("root") && !by.equals("me")) {
                throw new DockerlesException(ExitCode.CONTENT, "error.content.invalid", name() + " with.by", by);
            }
            context.facts().put(entry.name() + ".uid", entry.uid());
            context.facts().put(entry.name() + ".gid", entry.gid());
            context.facts().put("owner.uid", entry.uid());
            context.facts().put("owner.remark", remark(context.messages(), entry.uid(), me, by));
        }
        return output;
    }

    /**
     * A sentence about who owns the file, true for this machine: {@code fileUid} is the file's owner, {@code me}
     * who runs dockerles, {@code by} who the container ran as: "root", "me" (--user with my uid) or null.
     */
    static String remark(Messages messages, int fileUid, int me, String by) {
        boolean byRoot = "root".equals(by);
        boolean byMe = "me".equals(by);
        if (fileUid == 0 && me == 0) {
            return messages.get(byMe ? "action.owners.user.self" : "action.owners.root.self");
        }
        if (fileUid == 0) {
            return messages.get("action.owners.root.other", me);
        }
        if (fileUid == me) {
            return messages.get(byRoot ? "action.owners.mapped" : "action.owners.mine", me);
        }
        return messages.get("action.owners.other", fileUid, me);
    }

    /** Who runs dockerles, as the kernel gives it to new files: the owner of a file made now. */
    private static int myUid(Path near) {
        try {
            Path probe = Files.createTempFile("dockerles-uid", ".tmp");
            try {
                return (Integer) Files.getAttribute(probe, "unix:uid");
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "action.owners.nounix", near);
        }
    }

    /** As ls -ln: the number columns right-aligned to their widest value. */
    static String render(List<Entry> entries, Instant now) {
        int links = 1;
        int uids = 1;
        int gids = 1;
        int sizes = 1;
        for (Entry e : entries) {
            links = Math.max(links, String.valueOf(e.links()).length());
            uids = Math.max(uids, String.valueOf(e.uid()).length());
            gids = Math.max(gids, String.valueOf(e.gid()).length());
            sizes = Math.max(sizes, String.valueOf(e.size()).length());
        }
        StringBuilder out = new StringBuilder();
        for (Entry e : entries) {
            out.append(Entry.permissions(e.mode())).append(' ')
                    .append(pad(e.links(), links)).append(' ')
                    .append(pad(e.uid(), uids)).append(' ')
                    .append(pad(e.gid(), gids)).append(' ')
                    .append(pad(e.size(), sizes)).append(' ')
                    .append(e.time(now)).append(' ')
                    .append(e.name()).append('\n');
        }
        return out.toString();
    }

    private static String pad(long value, int width) {
        String text = String.valueOf(value);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    static List<Entry> list(Path folder) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.sorted().toList()) {
                if (path.getFileName().toString().startsWith(".")) {
                    continue; // ls without -a
                }
                entries.add(Entry.of(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new DockerlesException(ExitCode.DOCKER_ERROR, e, "action.owners.nounix", folder);
        }
        return entries;
    }

    /** One line of ls -ln: type and mode, links, uid, gid, size, time, name. */
    record Entry(String name, int mode, int links, int uid, int gid, long size, Instant modified) {

        static Entry of(Path path) throws IOException {
            Map<String, Object> a = Files.readAttributes(path, "unix:mode,nlink,uid,gid,size,lastModifiedTime",
                    LinkOption.NOFOLLOW_LINKS);
            return new Entry(path.getFileName().toString(), (Integer) a.get("mode"), (Integer) a.get("nlink"),
                    (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                    ((FileTime) a.get("lastModifiedTime")).toInstant());
        }

        /** ls shows the year instead of the time for files older than about six months (or in the future). */
        String time(Instant now) {
            boolean recent = modified.isAfter(now.minusSeconds(182L * 24 * 3600))
                    && !modified.isAfter(now.plusSeconds(3600));
            return (recent ? RECENT : OLD).format(modified.atZone(ZoneId.systemDefault()));
        }

        static String permissions(int mode) {
            char type = switch (mode & 0170000) {
                case 0040000 -> 'd';
                case 0120000 -> 'l';
                case 0010000 -> 'p';
                case 0140000 -> 's';
                case 0060000 -> 'b';
                case 0020000 -> 'c';
                default -> '-';
            };
            StringBuilder out = new StringBuilder().append(type);
            String letters = "rwxrwxrwx";
            for (int i = 0; i < 9; i++) {
                out.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
            }
            if ((mode & 04000) != 0) {
                out.setCharAt(3, out.charAt(3) == 'x' ? 's' : 'S');
            }
            if ((mode & 02000) != 0) {
                out.setCharAt(6, out.charAt(6) == 'x' ? 's' : 'S');
            }
            if ((mode & 01000) != 0) {
                out.setCharAt(9, out.charAt(9) == 'x' ? 't' : 'T');
            }
            return out.toString();
        }
    }
}
