package dev.flightdeck.core.mission.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * A parsed MISSION.md: YAML front matter between two {@code ---} lines, then the Liquid prompt
 * template. Reading and writing are pure functions over the file's text, so the caller does the
 * file I/O and can keep the last good parse when a new one fails.
 *
 * @param config the typed front matter
 * @param promptTemplate the body after the closing fence, trimmed
 * @param frontMatter the front matter as loaded, including keys Flightdeck does not know
 */
public record MissionFile(MissionConfig config, String promptTemplate, Map<String, Object> frontMatter) {

    /** The top-level keys that make a front matter a mission's (OrbitDock's six, then Flightdeck's). */
    public static final List<String> MISSION_KEYS = List.of("tracker", "provider", "workspace", "agent", "trigger",
            "orchestration", "budget", "concurrency");

    /** A MISSION.md is a page or two; this bounds the work a hostile one can cause. */
    public static final int MAX_FILE_CHARS = 1024 * 1024;

    /**
     * A fence is a line of exactly three dashes (trailing blanks allowed). A {@code ----} rule or an
     * indented {@code ---} inside a block scalar is not one, unlike a plain substring search.
     */
    private static final Pattern FENCE = Pattern.compile("---[ \\t]*");

    /** Blank lines, then a fence line: what {@link #split} accepts as the start. */
    private static final Pattern OPENING = Pattern.compile("(?:[ \\t]*\\R)*---[ \\t]*(?:\\R|$)");

    public MissionFile {
        frontMatter = Collections.unmodifiableMap(frontMatter);
    }

    /**
     * Parses a MISSION.md.
     *
     * @throws MissionFileException when the text has no front matter, its YAML is invalid or hostile
     *     (duplicate keys, alias expansion, oversize), it holds none of {@link #MISSION_KEYS}, or a
     *     value has the wrong type; the message names the field
     */
    public static MissionFile parse(String text) {
        Split split = split(text, "MISSION.md");
        Map<String, Object> tree = missionTree(split.yaml());
        return new MissionFile(MissionConfigReader.read(tree), split.body(), tree);
    }

    /**
     * Merges a settings change into a MISSION.md and returns the new text. Only the fields the patch
     * carries change; keys Flightdeck does not know and the body are kept (the body is replaced when
     * the patch carries a non-empty {@code prompt_template}), and so are the front matter's comments
     * (a comment at the end of a changed line stays with it; alignment before it is not kept). A
     * missing or blank file, or one whose front matter holds no mission keys, first gets the default
     * configuration, as OrbitDock does.
     *
     * @param text the current file, or null when there is none
     * @throws MissionFileException when the current front matter is not valid YAML, or the result
     *     would not parse
     */
    public static String applySettings(String text, SettingsPatch patch) {
        MappingNode root;
        String body;
        if (text == null || text.isBlank()) {
            root = defaultsNode();
            body = "";
        } else if (!startsWithFence(text)) {
            root = defaultsNode();
            body = text.strip();
        } else {
            Split split = split(text, "MISSION.md");
            Object loaded = MissionYaml.load(split.yaml(), "MISSION.md");
            if (loaded != null && !(loaded instanceof Map)) {
                throw new MissionFileException("MISSION.md front matter must be a YAML mapping of keys to values");
            }
            root = MissionYaml.compose(split.yaml(), "MISSION.md");
            if (loaded == null || !hasMissionKey((Map<?, ?>) loaded)) {
                List<NodeTuple> tuples = new ArrayList<>(root.getValue());
                tuples.addAll(defaultsNode().getValue());
                root.setValue(tuples);
            }
            body = split.body();
        }
        patch.applyTo(root);
        if (patch.promptTemplate() != null && !patch.promptTemplate().isBlank()) {
            body = patch.promptTemplate().strip();
        }
        String result = "---\n" + MissionYaml.dump(root) + "---\n\n" + body.strip() + "\n";
        parse(result);
        return result;
    }

    private static MappingNode defaultsNode() {
        return (MappingNode) MissionYaml.represent(MissionConfigWriter.toTree(MissionConfig.defaults()));
    }

    /** The MISSION.md text of a front-matter tree and a body. */
    static String render(Map<String, Object> tree, String body) {
        String yaml = MissionYaml.dump(tree);
        return "---\n" + yaml + "---\n\n" + body.strip() + "\n";
    }

    /** The MISSION.md text of a configuration and a body, in OrbitDock's layout. */
    public static String render(MissionConfig config, String promptTemplate) {
        return render(MissionConfigWriter.toTree(config), promptTemplate == null ? "" : promptTemplate);
    }

    static Map<String, Object> missionTree(String yaml) {
        Object loaded = MissionYaml.load(yaml, "MISSION.md");
        if (loaded != null && !(loaded instanceof Map)) {
            throw new MissionFileException("MISSION.md front matter must be a YAML mapping of keys to values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = loaded == null ? Map.of() : (Map<String, Object>) loaded;
        if (!hasMissionKey(tree)) {
            throw new MissionFileException("MISSION.md does not contain mission configuration: its front matter has "
                    + "none of the keys " + String.join(", ", MISSION_KEYS) + ". Use the default template to create one.");
        }
        return tree;
    }

    private static boolean hasMissionKey(Map<?, ?> tree) {
        return MISSION_KEYS.stream().anyMatch(tree::containsKey);
    }

    /** The front matter's YAML and the trimmed body. */
    record Split(String yaml, String body) {
    }

    static boolean startsWithFence(String text) {
        return OPENING.matcher(stripBom(text)).lookingAt();
    }

    static Split split(String text, String label) {
        if (text != null && text.length() > MAX_FILE_CHARS) {
            throw new MissionFileException(label + " is larger than " + MAX_FILE_CHARS / 1024 + " KiB");
        }
        String[] lines = stripBom(text == null ? "" : text).split("\\R", -1);
        int open = 0;
        while (open < lines.length && lines[open].isBlank()) {
            open++;
        }
        if (open == lines.length || !FENCE.matcher(lines[open]).matches()) {
            throw new MissionFileException(label + " must start with YAML front matter (a line with ---)");
        }
        int close = open + 1;
        while (close < lines.length && !FENCE.matcher(lines[close]).matches()) {
            close++;
        }
        if (close == lines.length) {
            throw new MissionFileException(label + " is missing the closing --- line of its YAML front matter");
        }
        String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(open + 1, close));
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(close + 1, lines.length)).strip();
        return new Split(yaml, body);
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
