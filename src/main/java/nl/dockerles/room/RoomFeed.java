package nl.dockerles.room;

import nl.dockerles.engine.PresenterListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the room sees: the section as the presenter shows it, kept for pages that open later, and sent to
 * every open page as events. The presenter's thread only appends and offers to bounded queues: a page that
 * cannot keep up is dropped (its browser reconnects and catches up), it never slows the presenter.
 */
public final class RoomFeed implements PresenterListener {
    /** Events a page may fall behind before it is dropped. */
    static final int QUEUE = 1024;

    /** One event of the stream; {@code id} counts from 1. */
    record Event(long id, String type, String data) {
    }

    static final Event DROPPED = new Event(-1, "", "");

    /** A step as the page shows it. */
    static final class Shown {
        final int number;
        final int total;
        final String title;
        final String explain;
        final String command;
        final StringBuilder output = new StringBuilder();
        String note = "";

        Shown(int number, int total, String title, String explain, String command) {
            this.number = number;
            this.total = total;
            this.title = title;
            this.explain = explain;
            this.command = command;
        }

        Shown copy() {
            Shown copy = new Shown(number, total, title, explain, command);
            copy.output.append(output);
            copy.note = note;
            return copy;
        }
    }

    /** The state at one event: what a page rendered now shows, and the last event it includes. */
    record Snapshot(String title, String intro, List<Shown> steps, boolean ended, String outro, long seq) {
        Shown current() {
            return steps.isEmpty() ? null : steps.get(steps.size() - 1);
        }
    }

    /** An open page: the events it missed, then its own queue. */
    static final class Subscriber {
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        final List<Event> backlog;
        volatile boolean dropped;

        Subscriber(List<Event> backlog) {
            this.backlog = backlog;
        }

        void drop() {
            dropped = true;
            queue.clear();
            queue.offer(DROPPED);
        }
    }

    private final RoomPage page;
    private final TerminalText terminal = new TerminalText();
    private final List<Event> log = new ArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<Shown> steps = new ArrayList<>();
    private String title = "";
    private String intro = "";
    private boolean ended;
    private String outro;
    private long dropped;

    public RoomFeed(RoomPage page) {
        this.page = page;
    }

    @Override
    public synchronized void sectionStarted(String title, String intro, int steps) {
        this.title = title;
        this.intro = intro;
        publish("section", title + "\n" + intro);
    }

    @Override
    public synchronized void stepStarted(int number, int total, String title, String explain, String command) {
        Shown shown = new Shown(number, total, title, explain, command);
        steps.add(shown);
        publish("step", page.step(shown));
    }

    @Override
    public synchronized void output(String chunk) {
        String text = terminal.clean(chunk);
        if (text.isEmpty() || steps.isEmpty()) {
            return;
        }
        steps.get(steps.size() - 1).output.append(text);
        publish("out", text);
    }

    @Override
    public synchronized void note(String text) {
        if (steps.isEmpty()) {
            return;
        }
        steps.get(steps.size() - 1).note = text;
        publish("note", text);
    }

    @Override
    public synchronized void sectionEnded(String outro) {
        if (ended) {
            return;
        }
        ended = true;
        this.outro = outro;
        publish("end", page.closing(outro));
    }

    /** The demo stops (also after a failure): every page hears that it ended. */
    public void close() {
        sectionEnded(null);
    }

    synchronized Snapshot snapshot() {
        List<Shown> copies = new ArrayList<>(steps.size());
        steps.forEach(step -> copies.add(step.copy()));
        return new Snapshot(title, intro, copies, ended, outro, log.size());
    }

    /** A page opens the event stream, having seen events up to {@code seen}. */
    synchronized Subscriber subscribe(long seen) {
        int from = (int) Math.max(0, Math.min(seen, log.size()));
        Subscriber subscriber = new Subscriber(new ArrayList<>(log.subList(from, log.size())));
        subscribers.add(subscriber);
        return subscriber;
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    int pages() {
        return subscribers.size();
    }

    /** Pages dropped because they fell too far behind. */
    synchronized long droppedPages() {
        return dropped;
    }

    private void publish(String type, String data) {
        Event event = new Event(log.size() + 1L, type, data);
        log.add(event);
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.dropped && !subscriber.queue.offer(event)) {
                subscriber.drop();
                subscribers.remove(subscriber);
                dropped++;
            }
        }
    }
}
