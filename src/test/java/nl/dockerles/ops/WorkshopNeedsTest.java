package nl.dockerles.ops;

import nl.dockerles.content.Catalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkshopNeedsTest {

    @Test
    void theImagesAreTheUnionOfEverySectionsImages() {
        WorkshopNeeds needs = WorkshopNeeds.of(new Catalog());

        assertThat(needs.imageList()).contains("busybox:latest", "nginx:latest", "postgres:15")
                .doesNotHaveDuplicates();
        assertThat(needs.images().get("nginx:latest")).contains("ports");
        assertThat(needs.images().get("postgres:15")).contains("database");
        assertThat(needs.images().get("busybox:latest")).contains("lifecycle", "snapshots");
    }

    @Test
    void thePortsAreTheHostPortsThatTheCommandsPublish() {
        WorkshopNeeds needs = WorkshopNeeds.of(new Catalog());

        assertThat(needs.ports()).extracting(WorkshopNeeds.PortNeed::address)
                .contains("127.0.0.1:8080", "127.0.0.1:8081");
        assertThat(needs.ports()).allSatisfy(port -> assertThat(port.sections()).isNotEmpty());
        assertThat(needs.ports()).filteredOn(port -> port.port() == 8080)
                .singleElement().satisfies(port -> assertThat(port.sections()).contains("ports"));
    }

    @Test
    void aPortOnEveryAddressShowsOnlyItsNumber() {
        assertThat(new WorkshopNeeds.PortNeed("", 8080, java.util.List.of("x")).address()).isEqualTo("8080");
    }
}
