package dev.flightdeck.core.mission.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loading and dumping front matter. YAML 1.2 core schema, so {@code no}, {@code on} and
 * {@code 0777} mean what they say to a reader of the file (a string, a string, the number 777), not
 * YAML 1.1's booleans and octals. The limits keep a hostile file (an alias bomb, a huge document)
 * from costing more than a small one.
 */
final class MissionYaml {
    /** Front matter is a few dozen lines; 256 Ki code points is far beyond any real file. */
    static final int MAX_CODE_POINTS = 256 * 1024;
    /** Real files have no aliases; a handful is allowed, billion-laughs expansion is not. */
    static final int MAX_ALIASES = 10;

    private MissionYaml() {
    }

    /**
     * The front matter as a tree of {@code LinkedHashMap}, {@code ArrayList} and scalars, or null
     * when it is empty.
     *
     * @param label how messages name the file ({@code MISSION.md}, {@code WORKFLOW.md})
     */
    static Object load(String yaml, String label) {
        try {
            return new Load(loadSettings(label, false)).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new MissionFileException(label + " front matter is not valid YAML: " + oneParagraph(e.getMessage()));
        }
    }

    /**
     * The front matter as a node tree with its comments, for write-back that keeps them. Call
     * {@link #load} first: duplicate keys are only caught there.
     */
    static MappingNode compose(String yaml, String label) {
        Optional<Node> node;
        try {
            node = new Compose(loadSettings(label, true)).composeString(yaml);
        } catch (YamlEngineException e) {
            throw new MissionFileException(label + " front matter is not valid YAML: " + oneParagraph(e.getMessage()));
        }
        if (node.isEmpty()) {
            return new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
        }
        if (!(node.get() instanceof MappingNode)) {
            throw new MissionFileException(label + " front matter must be a YAML mapping of keys to values");
        }
        return (MappingNode) node.get();
    }

    /** A value built from maps, lists and scalars, as a node. */
    static Node represent(Object value) {
        return new NumberRepresenter(dumpSettings()).represent(value);
    }

    /** Block-style YAML of a node tree, comments included, ending in a newline. */
    static String dump(MappingNode root) {
        if (root.getValue().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        new Dump(dumpSettings()).dumpNode(root, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        });
        return out.toString();
    }

    private static LoadSettings loadSettings(String label, boolean comments) {
        return LoadSettings.builder()
                .setLabel(label)
                .setParseComments(comments)
                .setSchema(new TextKeepingCoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setDefaultMap(LinkedHashMap::new)
                .build();
    }

    /** Block-style YAML of a tree built from maps, lists and scalars, ending in a newline. */
    static String dump(Map<String, Object> tree) {
        if (tree.isEmpty()) {
            return "";
        }
        DumpSettings settings = dumpSettings();
        return new Dump(settings, new NumberRepresenter(settings)).dumpToString(tree);
    }

    private static DumpSettings dumpSettings() {
        return DumpSettings.builder()
                .setDumpComments(true)
                .setSchema(new CoreSchema())
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .setDereferenceAliases(true)
                .build();
    }

    /** The core schema, with numbers loaded as {@link YamlNumber} so their text survives. */
    private static final class TextKeepingCoreSchema extends CoreSchema {
        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            Map<Tag, ConstructNode> constructors = new HashMap<>(super.getSchemaTagConstructors());
            constructors.put(Tag.INT, node -> new YamlNumber(((ScalarNode) node).getValue()));
            constructors.put(Tag.FLOAT, node -> new YamlNumber(((ScalarNode) node).getValue()));
            return constructors;
        }
    }

    private static final java.util.regex.Pattern INTEGER_TEXT = java.util.regex.Pattern.compile("[-+]?[0-9]+");

    private static final class NumberRepresenter extends StandardRepresenter {
        NumberRepresenter(DumpSettings settings) {
            super(settings);
            // the tag follows the text, so "5" written for a decimal field is a plain 5, not !!float '5'
            representers.put(YamlNumber.class, data -> representScalar(
                    INTEGER_TEXT.matcher(data.toString()).matches() ? Tag.INT : Tag.FLOAT, data.toString()));
        }
    }

    private static String oneParagraph(String message) {
        return message == null ? "unreadable" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
