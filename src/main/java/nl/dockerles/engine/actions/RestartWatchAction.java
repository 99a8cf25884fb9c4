package nl.dockerles.engine.actions;

import nl.dockerles.DockerlesException;
import nl.dockerles.ExitCode;
import nl.dockerles.Messages;
import nl.dockerles.engine.Action;
import nl.dockerles.engine.ActionContext;
import nl.dockerles.daemon.ContainerInfo;
import nl.dockerles.daemon.Docker;
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
import java.util.function.Supplier;

/**
 * {@code restart-watch}: follows the daemon's start and die events of a container with a restart policy and
 * prints, line by line as the restarts happen, its RestartCount, the measured gap between starts, how long each
 * run lasted and how long Docker waited, beside Docker's own schedule (100 ms, doubling, at most a minute).
 * With --auto it stops when the RestartCount reaches {@code restarts} (default 7), with a presenter at
 * {@code presenterRestarts} (default 8); never later than {@code seconds} (default 60) after it began. With
 * --lange-wachttijden N it waits until RestartCount N, as long as Docker's schedule takes, and counts each long
 * wait down from the die event to the next start.
 * Facts: {@code restart.watched}, {@code restart.count}, {@code restart.seconds}, {@code restart.gaps},
 * {@code restart.firstGap}, {@code restart.lastGap}, {@code restart.lastWait}, {@code restart.nextWaits},
 * {@code restart.tenAt} (a forecast: never in a note), {@code restart.pattern} and {@code restart.long} (what
 * this daemon did, and which waits were or were not waited out).
 */
public final class RestartWatchAction implements Action {
    private static final long POLL_MILLIS = 500;
    /** Restarts watched whatever the count was when the watch began: enough waits to tell the daemon's way. */
    private static final int AT_LEAST_WATCHED = 3;
    /** How far before inspect's StartedAt the events are read again. */
    private static final Duration REPLAY = Duration.ofSeconds(1);
    /** While a countdown runs: often enough to redraw it each second. */
    private static final long COUNTDOWN_POLL_MILLIS = 100;
    /** On top of the schedule, per restart: the 2 s run and the daemon's own work. */
    private static final Duration PER_RESTART = Duration.ofSeconds(4);

    /** Where the events wait for the watch; tests hand in one that runs on a fake clock. */
    interface EventQueue {
        void add(Docker.ContainerEvent event);

        Docker.ContainerEvent poll(long millis) throws InterruptedException;
    }

    private final Supplier<EventQueue> queues;

    public RestartWatchAction() {
        this(() -> {
            BlockingQueue<Docker.ContainerEvent> queue = new LinkedBlockingQueue<>();
            return new EventQueue() {
                @Override
                public void add(Docker.ContainerEvent event) {
                    queue.add(event);
                }

                @Override
                public Docker.ContainerEvent poll(long millis) throws InterruptedException {
                    return queue.poll(millis, TimeUnit.MILLISECONDS);
                }
            };
        });
    }

    RestartWatchAction(Supplier<EventQueue> queues) {
        this.queues = queues;
    }

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

    /** The screen's shell line waits for the same RestartCount, as long at most, as this run does. */
    @Override
    public Map<String, String> asRun(ActionContext context, Map<String, String> with) {
        int target = target(context, with);
        Map<String, String> run = new java.util.HashMap<>(with);
        run.put("restarts", Integer.toString(target));
        run.put("seconds", Long.toString(limit(context, with, target).toSeconds()));
        return run;
    }

    /** How many restarts this run watches: the presenter's own number, --auto's, or --lange-wachttijden's. */
    private static int target(ActionContext context, Map<String, String> with) {
        return context.longWaits() > 0 ? context.longWaits() : context.auto()
                ? Containers.integer(with, "restarts", 7) : Containers.integer(with, "presenterRestarts", 8);
    }

    /** At most this long; with the long waits, long enough for Docker's schedule up to the target. */
    private static Duration limit(ActionContext context, Map<String, String> with, int target) {
        Duration limit = Duration.ofSeconds(Containers.integer(with, "seconds", 60));
        return context.longWaits() > 0 ? max(limit, scheduleUpTo(target)) : limit;
    }

    @Override
    public String run(ActionContext context, Map<String, String> with) {
        String name = Containers.name(with);
        int target = target(context, with);
        Duration limit = limit(context, with, target);
        Watch watch = new Watch(context, new RestartTimetable(context.messages(), context.console().width()));
        ContainerInfo before = Containers.existing(context, name);
        String id = before.id();
        // From a moment before the run that is going on: its start event says when it started by the daemon's
        // clock (inspect's StartedAt is a moment earlier on some daemons), and every gap is one of events.
        Instant since = before.startedAt() == null || before.startedAt().getEpochSecond() <= 0 ? Instant.now()
                : before.startedAt().minus(REPLAY);
        EventQueue events = queues.get();
        try (AutoCloseable following = context.docker().followEvents(context.run().labels(), since, event -> {
            if (id.equals(event.id()) && ("start".equals(event.action()) || "die".equals(event.action()))) {
                events.add(event);
            }
        })) {
            // Following began: what happened before is in inspect, everything after comes as an event.
            watch.begin(Containers.existing(context, name));
            // After a presenter's pause the count may have passed the target already (Podman restarts at once):
            // a few restarts are still watched, else the note would tell of a schedule it never saw.
            watch.follow(events, Math.max(target, watch.count + AT_LEAST_WATCHED), limit);
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
        private final ActionContext context;
        private final RestartTimetable table;
        private final Messages messages;
        private final StringBuilder shown = new StringBuilder();
        private final List<Duration> gaps = new ArrayList<>();
        /** Measured: from each die to the next start, the wait the daemon chose. */
        private final List<Duration> waits = new ArrayList<>();
        /** By the schedule, the wait before each measured one. */
        private final List<Duration> scheduled = new ArrayList<>();
        private final RestartBackoff backoff = new RestartBackoff();
        private final RestartCountdown countdown;
        private final long watchStart;
        private Duration lastWait;
        private Duration averageRun = Duration.ofSeconds(2);
        private long runs;
        private long runNanos;
        private int count;
        private long firstStart;
        private long lastStart;
        private Long lastDie;
        /** Inspect's StartedAt of the run going on when we looked; a die after it ends that run. */
        private long inspectedStart;
        private boolean inspectedRunEnded;
        /** How long before the first start we saw the container was run (estimated when it had restarted). */
        private Duration sinceRun = Duration.ZERO;

        Watch(ActionContext context, RestartTimetable table) {
            this.context = context;
            this.table = table;
            this.messages = context.messages();
            this.watchStart = context.time().nanoTime();
            this.countdown = new RestartCountdown(context.console(), messages);
        }

        void begin(ContainerInfo now) {
            count = now.restartCount();
            firstStart = nanos(now.startedAt());
            inspectedStart = firstStart;
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

        void follow(EventQueue events, int target, Duration limit) throws InterruptedException {
            try {
                while (count < target) {
                    long left = limit.toNanos() - (context.time().nanoTime() - watchStart);
                    if (left <= 0) {
                        countdown.end();
                        context.console().info(messages.get("restartwatch.limit", limit.toSeconds(), gaps.size()));
                        return;
                    }
                    long poll = countdown.active() ? COUNTDOWN_POLL_MILLIS : POLL_MILLIS;
                    Docker.ContainerEvent event = events.poll(Math.min(poll, left / 1_000_000 + 1));
                    if (event != null) {
                        take(event);
                    }
                    countdown.tick(context.time().nanoTime());
                }
            } finally {
                countdown.end();
            }
        }

        void take(Docker.ContainerEvent event) {
            long at = event.timeNanos();
            if ("die".equals(event.action())) {
                lastDie = at;
                inspectedRunEnded |= at >= inspectedStart;
                if (context.longWaits() > 0 && at > lastStart && followsSchedule()) {
                    // By the schedule, which this daemon followed last time: what it waits now, counted down until
                    // the start event comes. A daemon that restarts at once (Podman) gets no countdown.
                    countdown.start(backoff.copy().next(Duration.ofNanos(at - lastStart)), context.time().nanoTime());
                }
                return;
            }
            if (!inspectedRunEnded) {
                // Read again from before: the start of the run inspect told us about (the last one before its
                // die), by the daemon's own clock. The table counts from there.
                firstStart = at;
                lastStart = at;
                return;
            }
            Duration ran = lastDie == null || lastDie < lastStart ? null : Duration.ofNanos(lastDie - lastStart);
            Duration waited = ran == null ? null : Duration.ofNanos(at - lastDie);
            Duration gap = Duration.ofNanos(at - lastStart);
            countdown.end();
            lastWait = backoff.next(ran);
            if (waited != null) {
                waits.add(waited);
                scheduled.add(lastWait);
            }
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
            String behaviour = RestartBehaviour.of(waits);
            if (!"immediate".equals(behaviour)) {
                // Docker's schedule, as a schedule: on a daemon that restarts at once it does not hold.
                String comingText = backoff.copy().next(Duration.ZERO).compareTo(RestartBackoff.MAX) >= 0
                        ? messages.get("restartwatch.coming.max") : messages.get("restartwatch.coming", coming);
                context.console().info(comingText);
                shown.append(comingText).append('\n');
            }
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
            facts.put("restart.behaviour", behaviour);
            facts.put("restart.waits", gapList(locale, waits));
            facts.put("restart.maxWait", waits.isEmpty() ? "?" : Containers.seconds(locale,
                    waits.stream().mapToLong(Duration::toNanos).max().orElse(0) / 1e9));
            facts.put("restart.text", messages.get("restart.text." + behaviour,
                    facts.get("restart.maxWait"), facts.get("restart.waits")));
            facts.put("restart.pattern", messages.get("immediate".equals(behaviour) ? "restartwatch.atonce"
                    : "unknown".equals(behaviour) ? "restartwatch.unknown" : "restartwatch.grew"));
            facts.put("restart.long", longWaits(behaviour, locale));
            facts.put("restart.tenAt", Math.round(tenthRestartAt(count, lastStart - firstStart + sinceRun.toNanos(),
                    averageRun, backoff)));
            return shown.toString();
        }

        /** The last wait measured was at least half the schedule's (or none was measured yet). */
        private boolean followsSchedule() {
            return waits.isEmpty()
                    || waits.get(waits.size() - 1).multipliedBy(2).compareTo(scheduled.get(scheduled.size() - 1)) >= 0;
        }

        /** Which waits were waited out, and which not: the note promises nothing that was not shown. */
        private String longWaits(String behaviour, Locale locale) {
            if ("immediate".equals(behaviour)) {
                return messages.get("restartwatch.long.none");
            }
            if (!"growing".equals(behaviour)) {
                return "";
            }
            boolean allWaited = !scheduled.isEmpty()
                    && scheduled.get(scheduled.size() - 1).compareTo(RestartBackoff.MAX) >= 0;
            String skipped = allWaited ? "" : messages.get("restartwatch.long.skipped");
            if (context.longWaits() <= 0) {
                return skipped;
            }
            int from = Math.max(0, waits.size() - 2);
            List<String> measured = new ArrayList<>();
            List<String> planned = new ArrayList<>();
            for (int i = from; i < waits.size(); i++) {
                measured.add(RestartTimetable.seconds(locale, waits.get(i)));
                planned.add(RestartTimetable.seconds(locale, scheduled.get(i)));
            }
            String and = " " + messages.get("restartwatch.long.and") + " ";
            String waited = messages.get("restartwatch.long.waited", String.join(and, measured),
                    String.join(and, planned), measured.size());
            return skipped.isEmpty() ? waited : waited + " " + skipped;
        }

        private void print(String text) {
            context.console().table(text);
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

    /** How long the watch may take to see RestartCount {@code target}, by Docker's schedule, with room to spare. */
    static Duration scheduleUpTo(int target) {
        RestartBackoff schedule = new RestartBackoff();
        Duration total = Duration.ofSeconds(30);
        for (int i = 0; i < target; i++) {
            total = total.plus(PER_RESTART).plus(schedule.next(Duration.ZERO));
        }
        return total;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
