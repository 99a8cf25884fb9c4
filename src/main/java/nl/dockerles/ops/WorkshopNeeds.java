package nl.dockerles.ops;

import nl.dockerles.cmdline.PublishedPorts;
import nl.dockerles.content.Catalog;
import nl.dockerles.content.Section;
import nl.dockerles.content.SectionEntry;
import nl.dockerles.content.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sections need from this machine: the images (the union of every demos/&lt;id&gt;.yaml {@code images:})
 * and the host ports their commands publish ({@code -p 127.0.0.1:8080:80}), each with the sections that need it.
 */
public record WorkshopNeeds(Map<String, List<String>> images, List<PortNeed> ports) {

    public WorkshopNeeds {
        images = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(images));
        ports = List.copyOf(ports);
    }

    /** A published host port; {@code hostIp} is empty for "every address" ({@code -p 8080:80}). */
    public record PortNeed(String hostIp, int port, List<String> sections) {
        public PortNeed {
            hostIp = hostIp == null ? "" : hostIp;
            sections = List.copyOf(sections);
        }

        /** "127.0.0.1:8080", or "8080" when published on every address. */
        public String address() {
            return hostIp.isEmpty() ? Integer.toString(port) : hostIp + ":" + port;
        }
    }

    /** From the packaged content: every section that has a demo, in the order of demos/sections.yaml. */
    public static WorkshopNeeds of(Catalog catalog) {
        Map<String, Set<String>> images = new LinkedHashMap<>();
        Map<String, Set<String>> ports = new LinkedHashMap<>();
        for (SectionEntry entry : catalog.entries()) {
            if (!catalog.isBuilt(entry.id())) {
                continue;
            }
            Section section = catalog.section(entry.id());
            for (String image : section.images()) {
                images.computeIfAbsent(image, i -> new LinkedHashSet<>()).add(entry.id());
            }
            for (Step step : section.steps()) {
                if (step.command() == null) {
                    continue;
                }
                for (PublishedPorts.HostPort published : PublishedPorts.of(step.command())) {
                    ports.computeIfAbsent(published.ip() + " " + published.port(), p -> new LinkedHashSet<>())
                            .add(entry.id());
                }
            }
        }
        Map<String, List<String>> imageNeeds = new LinkedHashMap<>();
        images.forEach((image, sections) -> imageNeeds.put(image, List.copyOf(sections)));
        List<PortNeed> portNeeds = new ArrayList<>();
        ports.forEach((key, sections) -> {
            String[] ipAndPort = key.split(" ", 2);
            portNeeds.add(new PortNeed(ipAndPort[0], Integer.parseInt(ipAndPort[1]), List.copyOf(sections)));
        });
        portNeeds.sort(java.util.Comparator.comparingInt(PortNeed::port));
        return new WorkshopNeeds(imageNeeds, portNeeds);
    }

    public List<String> imageList() {
        return List.copyOf(images.keySet());
    }
}
