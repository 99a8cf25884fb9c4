package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.engine.ContainerInfo;
import nl.dockerles.engine.Docker;
import nl.dockerles.engine.Facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code restart-watch}: follows the daemon's start and die events of a container with a restart policy and
 * prints, line by line as the restarts happen, its RestartCount, the measured gap between starts, how long each
 * run lasted and how long Docker waited, beside Docker's own schedule (100 ms, doubling, at most a minute).
 * With --auto it stops when the RestartCount reaches {@code restarts} (default 7), with a presenter at
 * {@code presenterRestarts} (default 8); never later than {@code seconds} (default 60) after it began.
 * Facts: {@code restart.watched}, {@code restart.count}, {@code restart.seconds}, {@code restart.gaps},
 * {@code restart.firstGap}, {@code restart.lastGap}, {@code restart.lastWait}, {@code restart.nextWaits},
 * {@code restart.tenAt}.
 */
public final class RestartWatchAction implements Action {
    private static final long POLL_MILLIS = 500;

    @Override
    public boolean ownWay() {
        return true;
    }

    @Override
    public String name() {
        return "restart-watch";
    }

    @Override
    public String shell(Map<String, String> with) {
        // The same wait as --auto: until the target restart has started. RestartCount counts at the crash,
        // and during Docker's wait the container is Restarting (and Running); at most the same seconds.
        String name = Containers.name(with);
        int restarts = Containers.integer(with, "restarts", 7);
        int seconds = Containers.integer(with, "seconds", 60);
        return "timeout " + seconds + " sh -c 'until docker inspect -f \"{{if and (ge .RestartCount " + restarts
                + ") (not .State.Restarting)}}ok{{end}}\" " + name + " | grep -q ok; do sleep 0.2; done' || true; "
                + "docker inspect -f 'RestartCount {{.RestartCount}}' " + name;
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String name = Containers.name(with);
        int target = context.auto() ? Containers.integer(with, "restarts", 7)
                : Containers.integer(with, "presenterRestarts", 8);
        Duration limit = Duration.ofSeconds(Containers.integer(with, "seconds", 60));
        Watch watch = new Watch(context, new RestartTimetable(context.messages(), context.console().width()));
        String id = Containers.existing(context, name).id();
        BlockingQueue<Docker.ContainerEvent> events = new LinkedBlockingQueue<>();
        try (AutoCloseable following = context.docker().followEvents(context.run().labels(), event -> {
            if (id.equals(event.id()) && ("start".equals(event.action()) || "die".equals(event.action()))) {
                events.add(event);
            }
        })) {
            // Following began: what happened before is in inspect, everything after comes as an event.
            watch.begin(Containers.existing(context, name));
            watch.follow(events, target, limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerlesException(ExitCode.INTERRUPTED, e, "error.interrupted");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Only closing the event stream throws a checked exception: what was measured stands.
        }
        return watch.end(Containers.existing(context, name));
    }

    /** One watch: the state between the events, and what it printed. */
    private static final class Watch {
        /** A start event this close after inspect's StartedAt is that same start. */
        private static final long SAME_START_NANOS = 100_000_000L;
        private final ActionContext context;
        private final RestartTimetable table;
        private final Messages messages;
        private final StringBuilder shown = new StringBuilder();
        private final List<Duration> gaps = new ArrayList<>();
        /** Measured: from each die to the next start, the wait the daemon chose. */
        private final List<Duration> waits = new ArrayList<>();
        private final RestartBackoff backoff = new RestartBackoff();
        private final long watchStart;
        private Duration lastWait;
        private Duration averageRun = Duration.ofSeconds(2);
        private long runs;
        private long runNanos;
        private int count;
        private long firstStart;
        private long lastStart;
        private Long lastDie;
        /** How long before the first start we saw the container was run (estimated when it had restarted). */
        private Duration sinceRun = Duration.ZERO;

        Watch(ActionContext context, RestartTimetable table) {
            this.context = context;
            this.table = table;
            this.messages = context.messages();
            this.watchStart = context.time().nanoTime();
        }

        void begin(ContainerInfo now) {
            count = now.restartCount();
            firstStart = nanos(now.startedAt());
            lastStart = firstStart;
            for (int i = 0; i < count; i++) {
                // The runs before we looked were short ones, as this container's are: about 2 s and the wait.
                sinceRun = sinceRun.plus(averageRun).plus(backoff.next(Duration.ZERO));
            }
            if (table.legend() != null) {
                context.console().info(table.legend());
            }
            print(table.header());
            if (count > 0) {
                context.console().info(messages.get("restartwatch.before", count));
            }
            print(table.first(count));
        }

        void follow(BlockingQueue<Docker.ContainerEvent> events, int target, Duration limit)
                throws InterruptedException {
            while (count < target) {
                long left = limit.toNanos() - (context.time().nanoTime() - watchStart);
                if (left <= 0) {
                    context.console().info(messages.get("restartwatch.limit", limit.toSeconds(), gaps.size()));
                    return;
                }
                Docker.ContainerEvent event = events.poll(Math.min(POLL_MILLIS, left / 1_000_000 + 1),
                        TimeUnit.MILLISECONDS);
                if (event != null) {
                    take(event);
                }
            }
        }

        void take(Docker.ContainerEvent event) {
            long at = event.timeNanos();
            if ("die".equals(event.action())) {
                lastDie = at;
                return;
            }
            if (at <= lastStart + SAME_START_NANOS) {
                return; // the start that inspect told us about already
            }
            Duration ran = lastDie == null || lastDie < lastStart ? null : Duration.ofNanos(lastDie - lastStart);
            Duration waited = ran == null ? null : Duration.ofNanos(at - lastDie);
            Duration gap = Duration.ofNanos(at - lastStart);
            if (waited != null) {
                waits.add(waited);
            }
            lastWait = backoff.next(ran);
            if (ran != null) {
                runs++;
                runNanos += ran.toNanos();
                averageRun = Duration.ofNanos(runNanos / runs);
            }
            count++;
            gaps.add(gap);
            print(table.row(count, Duration.ofNanos(at - firstStart), gap, ran, waited, lastWait));
            lastStart = at;
        }

        String end(ContainerInfo after) {
            Locale locale = messages.locale();
            String coming = table.comingWaits(backoff, 3);
            String comingText = messages.get("restartwatch.coming", coming);
            context.console().info(comingText);
            shown.append(comingText).append('\n');
            Facts facts = context.facts();
            facts.put("restart.watched", gaps.size());
            facts.put("restart.count", after.restartCount());
            facts.put("restart.seconds", Math.round((context.time().nanoTime() - watchStart) / 1e9));
            facts.put("restart.gaps", gapList(locale, gaps));
            facts.put("restart.firstGap", gaps.isEmpty() ? "?" : Containers.seconds(locale, seconds(gaps.get(0))));
            facts.put("restart.lastGap", gaps.isEmpty() ? "?"
                    : Containers.seconds(locale, seconds(gaps.get(gaps.size() - 1))));
            facts.put("restart.lastWait", lastWait == null ? "?" : table.seconds(lastWait).replace(" s", ""));
            facts.put("restart.nextWaits", coming);
            // What this daemon did, measured: Docker's waits double, Podman restarts at once.
            String behaviour = RestartBehaviour.of(waits);
            facts.put("restart.behaviour", behaviour);
            facts.put("restart.waits", gapList(locale, waits));
            facts.put("restart.maxWait", waits.isEmpty() ? "?" : Containers.seconds(locale,
                    waits.stream().mapToLong(Duration::toNanos).max().orElse(0) / 1e9));
            facts.put("restart.text", messages.get("restart.text." + behaviour,
                    facts.get("restart.maxWait"), facts.get("restart.waits")));
            facts.put("restart.pattern", messages.get("immediate".equals(behaviour) ? "restartwatch.atonce"
                    : "restartwatch.grew"));
            facts.put("restart.tenAt", Math.round(tenthRestartAt(count, lastStart - firstStart + sinceRun.toNanos(),
                    averageRun, backoff)));
            return shown.toString();
        }

        private void print(String text) {
            context.console().output(text);
            shown.append(text);
        }
    }

    /**
     * When (seconds after the first start we saw) RestartCount will reach 10: Docker counts a restart when the
     * run before it ends, so after the ninth start has run once more.
     */
    static double tenthRestartAt(int count, long lastStartNanos, Duration averageRun, RestartBackoff backoff) {
        RestartBackoff ahead = backoff.copy();
        double at = lastStartNanos / 1e9;
        double run = averageRun.toNanos() / 1e9;
        for (int restart = count + 1; restart < 10; restart++) {
            at += run + ahead.next(averageRun).toNanos() / 1e9;
        }
        return count >= 10 ? at : at + run;
    }

    private static String gapList(Locale locale, List<Duration> gaps) {
        List<String> texts = new ArrayList<>();
        gaps.forEach(gap -> texts.add(Containers.seconds(locale, gap.toNanos() / 1e9)));
        return texts.isEmpty() ? "?" : String.join(" · ", texts);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static long nanos(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
