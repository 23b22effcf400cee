package io.github.wikiart.cli.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every configuration key, in order: the single source for validation, defaults, the output of
 * {@code config check} and the README key table ({@link #markdownTable()}).
 *
 * <p>Keys are owned by the records of their sections ({@link WikiartConfig#KEYS} for top-level
 * keys, {@link DataConfig#KEYS}, {@link OutputConfig#KEYS}); a new section adds its {@code KEYS}
 * to {@link #SECTION_KEYS}. The schema checks at class initialisation that names are unique, that
 * no key is also a section and that each section's keys are listed together.
 */
public final class ConfigSchema {

    /** Key lists in rendering order: top-level keys first, then one list per section. */
    private static final List<List<ConfigKey<?>>> SECTION_KEYS =
            List.of(WikiartConfig.KEYS, DataConfig.KEYS, OutputConfig.KEYS, ClassifierConfig.KEYS,
                    AutoencoderConfig.KEYS, TransferConfig.KEYS);

    private static final Map<String, ConfigKey<?>> KEYS = index(SECTION_KEYS);
    private static final Set<String> SECTIONS = sectionsOf(KEYS.keySet());

    private ConfigSchema() {
    }

    /** @return every key, in order, unmodifiable */
    public static List<ConfigKey<?>> keys() {
        return List.copyOf(KEYS.values());
    }

    /** @return every key name, in order, unmodifiable */
    public static List<String> keyNames() {
        return List.copyOf(KEYS.keySet());
    }

    /**
     * Looks a key up.
     *
     * @param name full dotted name
     * @return the key, if there is one by that name
     */
    public static Optional<ConfigKey<?>> key(String name) {
        return Optional.ofNullable(KEYS.get(name));
    }

    /** @return the section names (every proper prefix of a key name, e.g. {@code data}), in order */
    public static Set<String> sections() {
        return SECTIONS;
    }

    /**
     * Whether a name is a section (a mapping of keys in YAML).
     *
     * @param name dotted name
     * @return true for e.g. {@code data}
     */
    public static boolean isSection(String name) {
        return SECTIONS.contains(name);
    }

    /**
     * The keys directly or indirectly inside a section.
     *
     * @param section a section name
     * @return its keys in order; empty for an unknown section
     */
    public static List<ConfigKey<?>> keysOf(String section) {
        return KEYS.values().stream().filter(k -> k.name().startsWith(section + "."))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The valid key closest to an unknown name (see {@link KeySuggester#closest}).
     *
     * @param name the unknown dotted name
     * @param includeSections whether section names are candidates too (for an unknown mapping)
     * @return the suggestion; present whenever the schema has keys
     */
    public static Optional<String> suggest(String name, boolean includeSections) {
        List<String> candidates = new ArrayList<>(KEYS.keySet());
        if (includeSections) {
            candidates.addAll(SECTIONS);
        }
        return KeySuggester.closest(name, candidates);
    }

    /**
     * The key table for the README: a Markdown table with the columns key, default and meaning,
     * one row per key in schema order.
     *
     * @return the table, ending with a newline
     */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (ConfigKey<?> k : KEYS.values()) {
            sb.append("| `").append(k.name()).append("` | `").append(cell(k.defaultText())).append("` | ")
                    .append(cell(k.doc())).append("; ").append(cell(k.expected())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static Map<String, ConfigKey<?>> index(List<List<ConfigKey<?>>> lists) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>();
        for (List<ConfigKey<?>> list : lists) {
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
