package nl.dockerles.content;

/**
 * A line of the table of contents (demos/sections.yaml): every part of the notes has one,
 * whether its demo is built yet or not.
 *
 * @param part    the heading in the workshop notes this section presents
 * @param heading that heading in each language, for the screen (else {@code part})
 * @param seconds about how long the demo takes with --auto
 */
public record SectionEntry(String id, String part, Text title, Text summary, int seconds, Text heading) {

    /** The notes' heading in this language: a title is in one language. */
    public String part(String language) {
        return heading != null && heading.has(language) ? heading.in(language) : part;
    }
}
