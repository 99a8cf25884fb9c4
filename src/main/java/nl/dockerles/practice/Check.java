package nl.dockerles.practice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import nl.dockerles.engine.Names;

import java.util.List;

/**
 * What must be true on the daemon for an exercise to be done, as typed data in demos/oefen/&lt;section&gt;.yaml:
 * {@code check: {kind: container, image: nginx, running: true, publishes: 80, http: true}}. The {@code kind}
 * picks the record; an unknown kind, or a condition a kind does not have, fails loading (and the content test).
 * A condition left out is not checked.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContainerCheck.class, name = "container"),
        @JsonSubTypes.Type(value = ImageCheck.class, name = "image"),
        @JsonSubTypes.Type(value = VolumeCheck.class, name = "volume")
})
public sealed interface Check permits ContainerCheck, ImageCheck, VolumeCheck {

    /** "container", "image" or "volume". */
    String kind();

    /** The same check with --prefix applied to the names the student gives (web → jan-web). */
    Check named(Names names);

    /** The conditions this check sets, in the order they are judged ("exists" and "missing" always count). */
    List<String> conditions();

    /** What is wrong with this check as content; empty when it can be judged. */
    List<String> problems();
}
