package nl.dockerles.render;

import nl.dockerles.daemon.Docker.HistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code docker history} output as the docker CLI prints it. */
public final class HistoryTable {
    private HistoryTable() {
    }

    public static String render(List<HistoryEntry> entries, Instant now) {
        return render(entries, now, false);
    }

    /** As the CLI: tabs become spaces, CREATED BY is cut at 45 characters unless --no-trunc; "#(nop)" stays. */
    public static String render(List<HistoryEntry> entries, Instant now, boolean noTrunc) {
        Table table = new Table("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT");
        for (HistoryEntry entry : entries) {
            String id = entry.id() == null || entry.id().equals("<missing>") || entry.id().isEmpty()
                    ? "<missing>" : noTrunc ? entry.id() : PsTable.shortId(entry.id());
            String createdBy = entry.createdBy() == null ? "" : entry.createdBy().replace('\t', ' ');
            table.row(id, HumanDuration.of(Duration.between(Instant.ofEpochSecond(entry.createdEpochSeconds()), now))
                            + " ago", noTrunc ? createdBy : PsTable.ellipsis(createdBy, 45), HumanSize.of(entry.size()),
                    entry.comment() == null ? "" : entry.comment());
        }
        return table.render();
    }
}
