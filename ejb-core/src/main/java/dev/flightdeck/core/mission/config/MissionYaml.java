package dev.flightdeck.core.mission.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
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
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setSchema(new TextKeepingCoreSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setAllowNonScalarKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setDefaultMap(LinkedHashMap::new)
                .build();
        try {
            return new Load(settings).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new MissionFileException(label + " front matter is not valid YAML: " + oneParagraph(e.getMessage()));
        }
    }

    /** Block-style YAML of a tree built from maps, lists and scalars, ending in a newline. */
    static String dump(Map<String, Object> tree) {
        if (tree.isEmpty()) {
            return "";
        }
        DumpSettings settings = DumpSettings.builder()
                .setSchema(new CoreSchema())
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .setDereferenceAliases(true)
                .build();
        return new Dump(settings, new NumberRepresenter(settings)).dumpToString(tree);
    }

    /** The core schema, with numbers loaded as {@link YamlNumber} so their text survives. */
    private static final class TextKeepingCoreSchema extends CoreSchema {
        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            Map<Tag, ConstructNode> constructors = new HashMap<>(super.getSchemaTagConstructors());
            constructors.put(Tag.INT, node -> new YamlNumber(((ScalarNode) node).getValue(), true));
            constructors.put(Tag.FLOAT, node -> new YamlNumber(((ScalarNode) node).getValue(), false));
            return constructors;
        }
    }

    private static final class NumberRepresenter extends StandardRepresenter {
        NumberRepresenter(DumpSettings settings) {
            super(settings);
            representers.put(YamlNumber.class,
                    data -> representScalar(((YamlNumber) data).integer() ? Tag.INT : Tag.FLOAT, data.toString()));
        }
    }

    private static String oneParagraph(String message) {
        return message == null ? "unreadable" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
