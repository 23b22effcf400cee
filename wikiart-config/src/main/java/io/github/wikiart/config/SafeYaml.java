package io.github.wikiart.config;

import java.io.StringReader;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML used safely: text is only composed into a node tree (no Java object is ever built from
 * a tag), only the standard scalar tags are accepted, and scalars are converted by
 * {@link SafeConstructor}. Also formats scalars for writing. Each instance holds its own parser;
 * create one per load (not thread-safe).
 */
final class SafeYaml {

    private static final Set<Tag> SCALAR_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP);

    private final ScalarConstructor constructor;
    private final Yaml yaml;

    SafeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        constructor = new ScalarConstructor(options);
        yaml = new Yaml(constructor);
    }

    /**
     * Composes a YAML document into nodes.
     *
     * @param text the document
     * @param source where it comes from, for messages (e.g. the file name)
     * @param withLines whether messages give line numbers (not for one-line override values)
     * @return the root node, or null for an empty document
     * @throws ConfigException on a syntax error or a forbidden tag, naming source and line
     */
    Node compose(String text, String source, boolean withLines) {
        try {
            return yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark problemMark = e.getProblemMark();
            Mark contextMark = e.getContextMark();
            Mark mark = problemMark != null ? problemMark : contextMark;
            String where = mark == null || !withLines ? source + ": " : source + " line " + (mark.getLine() + 1) + ": ";
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (problem.contains("tag")) {
                throw new ConfigException(where + "YAML tags that construct objects are not allowed ("
                        + problem + ")", e);
            }
            String context = "";
            if (e.getContext() != null) {
                context = " " + e.getContext();
                if (withLines && contextMark != null && contextMark != mark && contextMark.getLine() != mark.getLine()) {
                    context += " (started on line " + (contextMark.getLine() + 1) + ")";
                }
                context += ":";
            }
            throw new ConfigException(where + "invalid YAML:" + context + " " + problem, e);
        } catch (YAMLException e) {
            throw new ConfigException(source + ": invalid YAML: " + e.getMessage(), e);
        }
    }

    /**
     * Converts a scalar node with a standard tag.
     *
     * @param node the node
     * @return the value and its text
     * @throws IllegalArgumentException for a non-standard tag
     */
    YamlScalar scalar(ScalarNode node) {
        Tag tag = node.getTag();
        if (!SCALAR_TAGS.contains(tag)) {
            throw new IllegalArgumentException("unsupported YAML tag '" + tag + "'");
        }
        Object value = tag.equals(Tag.TIMESTAMP) ? node.getValue() : constructor.construct(node);
        return new YamlScalar(value, node.getValue());
    }

    /**
     * Rejects non-standard tags on a collection node.
     *
     * @param node a mapping or sequence
     * @return whether the tag is the plain {@code map}/{@code seq} one
     */
    static boolean hasPlainTag(Node node) {
        return node instanceof MappingNode ? node.getTag().equals(Tag.MAP)
                : node instanceof SequenceNode ? node.getTag().equals(Tag.SEQ)
                : SCALAR_TAGS.contains(node.getTag());
    }

    /**
     * The 1-based line a node starts on.
     *
     * @param node a node
     * @return the line
     */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /**
     * A short description of what a node is, for "got ..." messages.
     *
     * @param node a node
     * @return {@code a list}, {@code a mapping}, {@code 'text'} or {@code nothing}
     */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        } else if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getTag().equals(Tag.NULL) && s.getValue().isEmpty() ? "nothing" : "'" + s.getValue() + "'";
    }

    /**
     * Formats a plain value (string, number, boolean) as a YAML scalar, quoting only when needed so
     * that reading it back gives the same value.
     *
     * @param value the value
     * @return the scalar text, one line
     */
    static String formatScalar(Object value) {
        DumperOptions options = new DumperOptions();
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        String text = new Yaml(options).dump(value).strip();
        if (text.contains("\n")) {
            options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
            text = new Yaml(options).dump(value).strip();
        }
        return text;
    }

    /** Exposes {@link SafeConstructor}'s scalar construction. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
