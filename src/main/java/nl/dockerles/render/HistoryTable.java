package nl.dockerles.render;

import nl.dockerles.engine.Docker.HistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code docker history} output as the docker CLI prints it. */
public final class HistoryTable {
    private HistoryTable() {
    }

    public static String render(List<HistoryEntry> entries, Instant now) {
        Table table = new Table("IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT");
        for (HistoryEntry entry : entries) {
            String id = entry.id() == null || entry.id().equals("<missing>") || entry.id().isEmpty()
                    ? "<missing>" : PsTable.shortId(entry.id());
            String createdBy = entry.createdBy() == null ? "" : entry.createdBy()
                    .replace("/bin/sh -c #(nop) ", "").replaceAll("\\s+", " ").strip();
            if (entry.createdBy() != null && entry.createdBy().startsWith("/bin/sh -c ")
                    && !entry.createdBy().contains("#(nop)")) {
                createdBy = entry.createdBy().replaceAll("\\s+", " ").strip();
            }
            table.row(id, HumanDuration.of(Duration.between(Instant.ofEpochSecond(entry.createdEpochSeconds()), now))
                            + " ago", PsTable.ellipsis(createdBy, 45), HumanSize.of(entry.size()),
                    entry.comment() == null ? "" : entry.comment());
        }
        return table.render();
    }
}
