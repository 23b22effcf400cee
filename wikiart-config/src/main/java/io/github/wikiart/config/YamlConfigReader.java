package io.github.wikiart.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML config document into a {@link ConfigValues.Builder}: nested mappings become dotted
 * keys, every key is checked against the builder's {@link KeySchema}, every error names the source
 * and line.
 */
public final class YamlConfigReader {

    private final SafeYaml yaml = new SafeYaml();
    private final String source;
    private final ConfigValues.Builder into;
    private final KeySchema schema;

    private YamlConfigReader(String source, ConfigValues.Builder into) {
        this.source = source;
        this.into = into;
        this.schema = into.schema();
    }

    /**
     * Reads a document.
     *
     * @param text the YAML text
     * @param source its name for messages
     * @param into where values go
     * @throws ConfigException on any problem
     */
    public static void read(String text, String source, ConfigValues.Builder into) {
        new YamlConfigReader(source, into).readDocument(text);
    }

    private void readDocument(String text) {
        Node root = yaml.compose(text, source, true);
        if (root == null || (root instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return;
        }
        if (!(root instanceof MappingNode mapping) || !SafeYaml.hasPlainTag(root)) {
            throw error(root, "the top level must be a mapping of keys such as 'seed: 1', got "
                    + SafeYaml.describe(root));
        }
        readMapping(mapping, "");
    }

    private void readMapping(MappingNode mapping, String prefix) {
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node keyNode = t.getKeyNode();
            Node valueNode = t.getValueNode();
            if (!(keyNode instanceof ScalarNode ks) || !SafeYaml.hasPlainTag(keyNode)) {
                throw error(keyNode, "keys must be plain names, got " + SafeYaml.describe(keyNode));
            }
            String leaf = ks.getValue();
            String name = prefix.isEmpty() ? leaf : prefix + "." + leaf;
            Integer first = seen.putIfAbsent(leaf, SafeYaml.line(keyNode));
            if (first != null) {
                throw error(keyNode, "duplicate key '" + name + "' (first given on line " + first + ")");
            }
            if (leaf.contains(".")) {
                if (schema.key(name).isPresent() || schema.isSection(name)) {
                    int dot = name.lastIndexOf('.');
                    throw error(keyNode, "key '" + name + "' must be written nested: put '"
                            + name.substring(dot + 1) + ":' indented under section '" + name.substring(0, dot) + "'");
                }
                throw unknown(keyNode, name, valueNode);
            }
            Optional<ConfigKey<?>> key = schema.key(name);
            if (key.isPresent()) {
                readLeaf(key.get(), valueNode);
            } else if (schema.isSection(name)) {
                readSection(name, valueNode);
            } else {
                throw unknown(keyNode, name, valueNode);
            }
        }
    }

    private void readSection(String name, Node valueNode) {
        if (valueNode instanceof MappingNode m && SafeYaml.hasPlainTag(m)) {
            readMapping(m, name);
        } else if (!(valueNode instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            // an empty section ('data:' alone) means all defaults; anything else is an error
            throw error(valueNode, "'" + name + "' is a section and must be a mapping of keys such as '"
                    + schema.keysOf(name).get(0).name() + "', got " + SafeYaml.describe(valueNode));
        }
    }

    private <T> void readLeaf(ConfigKey<T> key, Node valueNode) {
        if (!(valueNode instanceof ScalarNode scalar)) {
            throw error(valueNode, key.name() + ": expected " + key.expected() + ", got " + SafeYaml.describe(valueNode));
        }
        YamlScalar value;
        try {
            value = yaml.scalar(scalar);
        } catch (IllegalArgumentException e) {
            throw error(valueNode, key.name() + ": " + e.getMessage());
        }
        try {
            into.set(key, key.parse(value));
        } catch (ConfigException e) {
            throw new ConfigException(where(valueNode) + e.getMessage(), e);
        }
    }

    private ConfigException unknown(Node keyNode, String name, Node valueNode) {
        String hint = schema.suggest(name, valueNode instanceof MappingNode)
                .map(s -> "; did you mean '" + s + "'?").orElse("");
        return error(keyNode, "unknown key '" + name + "'" + hint);
    }

    private ConfigException error(Node node, String message) {
        return new ConfigException(where(node) + message);
    }

    private String where(Node node) {
        return source + " line " + SafeYaml.line(node) + ": ";
    }
}
