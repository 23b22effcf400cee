package io.github.wikiart.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An ordered set of {@link ConfigKey}s: the keys a program accepts, grouped by section. It answers
 * the questions of the YAML reader and the override parser (is this a key, is it a section, which
 * key did the user mean) and renders the Markdown key table.
 *
 * <p>A schema checks when it is made that names are unique, that no key is also a section and that
 * the keys of each section are listed together (so the YAML writer emits each section once).
 */
public final class KeySchema {

    private final Map<String, ConfigKey<?>> keys;
    private final Set<String> sections;
    private final String exampleOverride;

    private KeySchema(Map<String, ConfigKey<?>> keys, String exampleOverride) {
        this.keys = keys;
        this.sections = sectionsOf(keys.keySet());
        this.exampleOverride = exampleOverride;
    }

    /**
     * A schema from key lists, usually one list per section with the top-level keys first.
     *
     * @param lists the keys, in rendering order
     * @return the schema
     * @throws IllegalStateException when a name repeats, a key is also a section, or a section's
     *     keys are not listed together
     */
    public static KeySchema of(List<? extends List<? extends ConfigKey<?>>> lists) {
        Objects.requireNonNull(lists, "lists");
        Map<String, ConfigKey<?>> map = index(lists);
        String example = map.values().stream().findFirst().map(k -> k.name() + "=" + k.defaultText())
                .orElse("key=value");
        return new KeySchema(map, example);
    }

    /**
     * A copy that quotes another example in the message for a malformed {@code --set} override.
     *
     * @param override a {@code dotted.key=value} text, e.g. {@code data.image_size=104}
     * @return the schema
     */
    public KeySchema withExampleOverride(String override) {
        return new KeySchema(keys, Objects.requireNonNull(override, "override"));
    }

    /** @return the example quoted for a malformed override, e.g. {@code data.image_size=104} */
    public String exampleOverride() {
        return exampleOverride;
    }

    /** @return every key, in order, unmodifiable */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    /** @return every key name, in order, unmodifiable */
    public List<String> keyNames() {
        return List.copyOf(keys.keySet());
    }

    /**
     * Looks a key up.
     *
     * @param name full dotted name
     * @return the key, if there is one by that name
     */
    public Optional<ConfigKey<?>> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    /** @return the section names (every proper prefix of a key name, e.g. {@code data}), in order */
    public Set<String> sections() {
        return sections;
    }

    /**
     * Whether a name is a section (a mapping of keys in YAML).
     *
     * @param name dotted name
     * @return true for e.g. {@code data}
     */
    public boolean isSection(String name) {
        return sections.contains(name);
    }

    /**
     * The keys directly or indirectly inside a section.
     *
     * @param section a section name
     * @return its keys in order; empty for an unknown section
     */
    public List<ConfigKey<?>> keysOf(String section) {
        return keys.values().stream().filter(k -> k.name().startsWith(section + "."))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The valid key closest to an unknown name (see {@link KeySuggester#closest}).
     *
     * @param name the unknown dotted name
     * @param includeSections whether section names are candidates too (for an unknown mapping)
     * @return the suggestion; present whenever the schema has keys
     */
    public Optional<String> suggest(String name, boolean includeSections) {
        List<String> candidates = new ArrayList<>(keys.keySet());
        if (includeSections) {
            candidates.addAll(sections);
        }
        return KeySuggester.closest(name, candidates);
    }

    /**
     * The key table for a README: a Markdown table with the columns key, default and meaning, one
     * row per key in schema order.
     *
     * @return the table, ending with a newline
     */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigKey<?> k : keys.values()) {
            sb.append("| `").append(k.name()).append("` | `").append(cell(k.defaultText())).append("` | ")
                    .append(cell(k.doc())).append("; ").append(cell(k.expected())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static Map<String, ConfigKey<?>> index(List<? extends List<? extends ConfigKey<?>>> lists) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>();
        for (List<? extends ConfigKey<?>> list : lists) {
            for (ConfigKey<?> k : list) {
                if (map.put(k.name(), k) != null) {
                    throw new IllegalStateException("config key defined twice: " + k.name());
                }
            }
        }
        Set<String> sections = sectionsOf(map.keySet());
        for (String name : map.keySet()) {
            if (sections.contains(name)) {
                throw new IllegalStateException("config key is also a section: " + name);
            }
        }
        // The keys of one section must be listed together so the YAML writer emits each section once.
        Set<String> closed = new LinkedHashSet<>();
        String current = null;
        for (ConfigKey<?> k : map.values()) {
            if (!k.section().equals(current)) {
                if (current != null) {
                    closed.add(current);
                }
                if (closed.contains(k.section())) {
                    throw new IllegalStateException("keys of section '" + k.section() + "' are not listed together");
                }
                current = k.section();
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static Set<String> sectionsOf(Set<String> names) {
        Set<String> sections = new LinkedHashSet<>();
        for (String n : names) {
            for (int dot = n.indexOf('.'); dot >= 0; dot = n.indexOf('.', dot + 1)) {
                sections.add(n.substring(0, dot));
            }
        }
        return Collections.unmodifiableSet(sections);
    }
}
