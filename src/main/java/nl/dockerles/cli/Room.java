package nl.dockerles.cli;

import nl.dockerles.Messages;
import nl.dockerles.room.QrText;
import nl.dockerles.room.RoomAddress;
import nl.dockerles.room.RoomFeed;
import nl.dockerles.room.RoomPage;
import nl.dockerles.room.RoomServer;
import nl.dockerles.ui.Console;

/** demo --meekijken: the room's page for one demo, from before the first step until the demo ends. */
final class Room implements AutoCloseable {
    private final RoomAddress where;
    private final RoomFeed feed;
    private final RoomServer server;
    private final Messages messages;

    private Room(RoomAddress where, RoomFeed feed, RoomServer server, Messages messages) {
        this.where = where;
        this.feed = feed;
        this.server = server;
        this.messages = messages;
    }

    static Room open(String value, Messages messages) {
        RoomAddress where = RoomAddress.parse(value);
        RoomPage page = new RoomPage(messages);
        RoomFeed feed = new RoomFeed(page);
        return new Room(where, feed, RoomServer.start(where, feed, page), messages);
    }

    RoomFeed feed() {
        return feed;
    }

    /** The address and its QR code, above the section's title. */
    void show(Console console, boolean color) {
        String address = server.address().toString();
        console.info(messages.get("room.address", address));
        console.info(messages.get(where.loopback() ? "room.address.local" : "room.address.lan"));
        console.stream().print(QrText.render(address, color));
        console.stream().flush();
    }

    @Override
    public void close() {
        server.close();
    }
}
