package nl.dockerles.testing;

import nl.dockerles.daemon.Docker.ExecResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL for the fake daemon, as far as the database section uses it: the postgres image (its data folder a
 * volume), initdb on a first start, pg_isready, and psql's CREATE TABLE, DROP TABLE, INSERT, SELECT, DELETE and \dt
 * (a table that is there already, a key that is taken: psql's ERROR, exit code 1, and on to the next -c). The data
 * are files of the container under PGDATA ("/pgdata/klanten/1|Ada Lovelace"), so that commit keeps them, unless
 * PGDATA is in the image's volume.
 */
public final class FakePostgres {
    public static final String DEFAULT_PGDATA = "/var/lib/postgresql/data";
    private static final Pattern CREATE = Pattern.compile("(?i)CREATE TABLE (\\w+)");
    private static final Pattern DROP = Pattern.compile("(?i)DROP TABLE (\\w+)");
    private static final Pattern INSERT = Pattern.compile("(?i)INSERT INTO (\\w+) VALUES (.*)");
    private static final Pattern ROW = Pattern.compile("\\((\\d+),\\s*'([^']*)'\\)");
    private static final Pattern SELECT = Pattern.compile("(?i)SELECT \\* FROM (\\w+)");
    private static final Pattern DELETE = Pattern.compile("(?i)DELETE FROM (\\w+) WHERE id = (\\d+)");
    private final FakeTime time;
    private final Map<String, Instant> readyAt = new HashMap<>();

    private FakePostgres(FakeTime time) {
        this.time = time;
    }

    /** The fake with the postgres image and PostgreSQL's answers to docker exec. */
    public static FakeDocker on(FakeDocker docker, FakeTime time) {
        FakePostgres postgres = new FakePostgres(time);
        docker.addImage("postgres:15", List.of("postgres"),
                List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "PGDATA=" + DEFAULT_PGDATA),
                Set.of(DEFAULT_PGDATA));
        docker.programs(c -> c.command.equals(List.of("postgres")) ? FakeDocker.Program.server("")
                : FakeDocker.busybox(c));
        docker.execs(postgres::exec);
        return docker;
    }

    private ExecResult exec(FakeDocker.Container c, List<String> command) {
        if (command.get(0).equals("pg_isready")) {
            return ready(c);
        }
        if (!command.get(0).equals("psql")) {
            return FakeDocker.busyboxExec(c, command);
        }
        StringBuilder out = new StringBuilder();
        int exitCode = 0;
        for (int i = 0; i < command.size() - 1; i++) {
            if (command.get(i).equals("-c")) {
                String answer = sql(c, command.get(i + 1).strip());
                exitCode = answer.startsWith("ERROR:") ? 1 : 0; // psql goes on; its exit code is the last -c's
                out.append(answer);
            }
        }
        return new ExecResult(exitCode, out.toString());
    }

    /** initdb takes a few seconds on a first start; a data folder that is there already is ready sooner. */
    private ExecResult ready(FakeDocker.Container c) {
        String version = pgdata(c) + "/PG_VERSION";
        if (!readyAt.containsKey(c.id)) {
            boolean fresh = !c.files.contains(version);
            c.files.add(version);
            readyAt.put(c.id, c.started.plus(Duration.ofMillis(fresh ? 2800 : 1900)));
        }
        if (time.now().isBefore(readyAt.get(c.id))) {
            time.advance(Duration.ofMillis(500));
            return new ExecResult(2, "127.0.0.1:5432 - no response\n");
        }
        return new ExecResult(0, "127.0.0.1:5432 - accepting connections\n");
    }

    private String sql(FakeDocker.Container c, String statement) {
        String data = pgdata(c);
        Matcher m;
        if ((m = CREATE.matcher(statement)).lookingAt()) {
            if (!c.files.add(data + "/" + m.group(1))) {
                return "ERROR:  relation \"" + m.group(1) + "\" already exists\n";
            }
            return "CREATE TABLE\n";
        }
        if ((m = DROP.matcher(statement)).lookingAt()) {
            String table = data + "/" + m.group(1);
            if (!c.files.remove(table)) {
                return "ERROR:  table \"" + m.group(1) + "\" does not exist\n";
            }
            c.files.removeIf(f -> f.startsWith(table + "/"));
            return "DROP TABLE\n";
        }
        if ((m = INSERT.matcher(statement)).lookingAt()) {
            if (!c.files.contains(data + "/" + m.group(1))) {
                return "ERROR:  relation \"" + m.group(1) + "\" does not exist\n";
            }
            Matcher row = ROW.matcher(m.group(2));
            List<String> rows = new ArrayList<>();
            while (row.find()) {
                String id = row.group(1);
                if (rows(c, m.group(1)).containsKey(Integer.parseInt(id))) {
                    return "ERROR:  duplicate key value violates unique constraint \"" + m.group(1) + "_pkey\"\n"
                            + "DETAIL:  Key (id)=(" + id + ") already exists.\n"; // the statement as a whole fails
                }
                rows.add(data + "/" + m.group(1) + "/" + id + "|" + row.group(2));
            }
            c.files.addAll(rows);
            return "INSERT 0 " + rows.size() + "\n";
        }
        if ((m = DELETE.matcher(statement)).lookingAt()) {
            String prefix = data + "/" + m.group(1) + "/" + m.group(2) + "|";
            int before = c.files.size();
            c.files.removeIf(f -> f.startsWith(prefix));
            return "DELETE " + (before - c.files.size()) + "\n";
        }
        if ((m = SELECT.matcher(statement)).lookingAt()) {
            return select(rows(c, m.group(1)));
        }
        if (statement.equals("\\dt")) {
            List<String> tables = c.files.stream().filter(f -> f.startsWith(data + "/") && !f.endsWith("PG_VERSION"))
                    .map(f -> f.substring(data.length() + 1)).filter(f -> !f.contains("/")).sorted().toList();
            if (tables.isEmpty()) {
                return "Did not find any relations.\n";
            }
            StringBuilder out = new StringBuilder("         List of relations\n Schema |  Name   | Type  |  Owner   \n"
                    + "--------+---------+-------+----------\n");
            tables.forEach(t -> out.append(" public | ").append(String.format("%-7s", t)).append(" | table | postgres\n"));
            return out.append("(").append(tables.size()).append(tables.size() == 1 ? " row)\n\n" : " rows)\n\n")
                    .toString();
        }
        return "";
    }

    private static TreeMap<Integer, String> rows(FakeDocker.Container c, String table) {
        String prefix = pgdata(c) + "/" + table + "/";
        TreeMap<Integer, String> rows = new TreeMap<>();
        for (String f : c.files) {
            if (f.startsWith(prefix)) {
                String[] parts = f.substring(prefix.length()).split("\\|", 2);
                rows.put(Integer.parseInt(parts[0]), parts[1]);
            }
        }
        return rows;
    }

    /** As psql prints a table: headers centred, numbers to the right, text to the left, the count below. */
    static String select(TreeMap<Integer, String> rows) {
        int idWidth = Math.max(2, rows.keySet().stream().mapToInt(i -> String.valueOf(i).length()).max().orElse(0));
        int nameWidth = Math.max(4, rows.values().stream().mapToInt(String::length).max().orElse(0));
        List<String> lines = new ArrayList<>();
        lines.add(" " + centre("id", idWidth) + " | " + centre("naam", nameWidth) + " ");
        lines.add("-".repeat(idWidth + 2) + "+" + "-".repeat(nameWidth + 2));
        rows.forEach((id, name) -> lines.add(" " + String.format("%" + idWidth + "d", id) + " | "
                + String.format("%-" + nameWidth + "s", name)));
        lines.add("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
        return String.join("\n", lines) + "\n\n";
    }

    private static String centre(String text, int width) {
        int left = (width - text.length()) / 2;
        return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
    }

    private static String pgdata(FakeDocker.Container c) {
        return c.env.stream().filter(e -> e.startsWith("PGDATA=")).map(e -> e.substring(7)).findFirst()
                .orElse(DEFAULT_PGDATA);
    }
}
