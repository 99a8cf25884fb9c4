package nl.dockerles.room;

import nl.dockerles.DockerlesException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --meekijken[=lan|ADRES[:POORT]]: this laptop only unless the presenter asks for the room. */
class RoomAddressTest {

    @Test
    void withoutAValueOnlyThisLaptop() {
        RoomAddress address = RoomAddress.parse("");
        assertThat(address.bind().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.loopback()).isTrue();
        assertThat(address.port()).isZero();
        assertThat(RoomAddress.parse("lokaal").bind().isLoopbackAddress()).isTrue();
    }

    @Test
    void anAddressWithOrWithoutAPort() {
        RoomAddress address = RoomAddress.parse("127.0.0.1:9000");
        assertThat(address.port()).isEqualTo(9000);
        assertThat(address.shown()).isEqualTo("127.0.0.1");
        assertThat(RoomAddress.parse("[::1]:9001").shown()).isEqualTo("[0:0:0:0:0:0:0:1]");
        assertThat(RoomAddress.parse(":9002").bind().getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void theRoomListensEverywhereAndShowsTheLaptopsAddress() {
        if (RoomAddress.lanAddress().isEmpty()) {
            assertThatThrownBy(() -> RoomAddress.parse("lan")).isInstanceOf(DockerlesException.class)
                    .hasMessage("error.room.nolan");
            return;
        }
        RoomAddress address = RoomAddress.parse("lan");
        assertThat(address.bind().isAnyLocalAddress()).isTrue();
        assertThat(address.loopback()).isFalse();
        assertThat(address.shown()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+").isNotEqualTo("127.0.0.1");
    }

    @Test
    void whatIsNoAddressIsAClearMessage() {
        for (String value : new String[] {"abc", "1.2.3", "127.0.0.1:0", "127.0.0.1:70000", "lan:x", "example.org"}) {
            assertThatThrownBy(() -> RoomAddress.parse(value)).as(value).isInstanceOf(DockerlesException.class)
                    .hasMessage("error.room.address");
        }
    }
}
