package dev.flightdeck.core.mission.config;

import dev.flightdeck.core.error.ApiException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The body of {@code PUT /api/missions/{mid}/settings}: OrbitDock's flat fields (each names one
 * front-matter key), plus Flightdeck's for its additions. An absent field changes nothing. For a
 * field that may be unset ({@code secondary_provider}, {@code agent_claude_model}, {@code project_key}
 * …) JSON null (or "") unsets it; for the others null is ignored, as OrbitDock ignores it. Unknown
 * fields are ignored too.
 *
 * <p>Apply it with {@link MissionFile#applySettings(String, SettingsPatch)}.
 */
public final class SettingsPatch {

    private enum Kind {
        STRING, CHOICE, COUNT, TOKENS, SECONDS, BOOL, STRINGS, USD, FRACTION, LIMITS
    }

    private record Field(String wire, List<String> path, Kind kind, boolean clearable, List<String> choices) {
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        choice("provider_strategy", "provider.strategy", false, MissionConfig.STRATEGIES);
        choice("primary_provider", "provider.primary", false, MissionConfig.PROVIDERS);
        choice("secondary_provider", "provider.secondary", true, MissionConfig.PROVIDERS);
        field("max_concurrent", "provider.max_concurrent", Kind.COUNT, false);
        field("max_concurrent_primary", "provider.max_concurrent_primary", Kind.COUNT, true);
        for (String f : List.of("model", "effort", "permission_mode")) {
            field("agent_claude_" + f, "agent.claude." + f, Kind.STRING, true);
        }
        field("agent_claude_allowed_tools", "agent.claude.allowed_tools", Kind.STRINGS, false);
        field("agent_claude_disallowed_tools", "agent.claude.disallowed_tools", Kind.STRINGS, false);
        field("agent_claude_allow_bypass_permissions", "agent.claude.allow_bypass_permissions", Kind.BOOL, false);
        field("agent_claude_skills", "agent.claude.skills", Kind.STRINGS, false);
        for (String f : List.of("model", "effort", "approval_policy", "sandbox_mode", "collaboration_mode",
                "personality", "service_tier", "developer_instructions")) {
            field("agent_codex_" + f, "agent.codex." + f, Kind.STRING, true);
        }
        field("agent_codex_multi_agent", "agent.codex.multi_agent", Kind.BOOL, true);
        field("agent_codex_skills", "agent.codex.skills", Kind.STRINGS, false);
        choice("trigger_kind", "trigger.kind", false, MissionConfig.TRIGGER_KINDS);
        field("poll_interval", "trigger.interval", Kind.SECONDS, false);
        field("label_filter", "trigger.filters.labels", Kind.STRINGS, false);
        field("state_filter", "trigger.filters.states", Kind.STRINGS, false);
        field("project_key", "trigger.filters.project", Kind.STRING, true);
        field("team_key", "trigger.filters.team", Kind.STRING, true);
        field("max_retries", "orchestration.max_retries", Kind.COUNT, false);
        field("stall_timeout", "orchestration.stall_timeout", Kind.SECONDS, false);
        field("base_branch", "orchestration.base_branch", Kind.STRING, false);
        field("worktree_root_dir", "orchestration.worktree_root_dir", Kind.STRING, true);
        field("state_on_dispatch", "orchestration.state_on_dispatch", Kind.STRING, false);
        field("state_on_complete", "orchestration.state_on_complete", Kind.STRING, false);
        field("backoff_base", "orchestration.backoff_base", Kind.SECONDS, false);
        field("backoff_max", "orchestration.backoff_max", Kind.SECONDS, false);
        field("max_continuations", "orchestration.max_continuations", Kind.COUNT, false);
        field("budget_max_tokens", "budget.max_tokens", Kind.TOKENS, true);
        field("budget_max_usd", "budget.max_usd", Kind.USD, true);
        field("budget_max_sessions", "budget.max_sessions", Kind.COUNT, true);
        field("budget_warn_at", "budget.warn_at", Kind.FRACTION, true);
        field("concurrency_by_state", "concurrency.by_state", Kind.LIMITS, true);
        field("concurrency_by_label", "concurrency.by_label", Kind.LIMITS, true);
        choice("tracker", "tracker", false, MissionConfig.TRACKERS);
    }

    private static void field(String wire, String path, Kind kind, boolean clearable) {
        FIELDS.put(wire, new Field(wire, List.of(path.split("\\.")), kind, clearable, List.of()));
    }

    private static void choice(String wire, String path, boolean clearable, List<String> choices) {
        FIELDS.put(wire, new Field(wire, List.of(path.split("\\.")), Kind.CHOICE, clearable, choices));
    }

    /** The wire names this patch understands, besides {@code prompt_template}. */
    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    /** Front-matter path → new value, or null to remove the key. */
    private final Map<List<String>, Object> changes;
    private final String promptTemplate;

    private SettingsPatch(Map<List<String>, Object> changes, String promptTemplate) {
        this.changes = changes;
        this.promptTemplate = promptTemplate;
    }

    /** A patch that changes nothing (applying it still fills in a missing configuration). */
    public static SettingsPatch empty() {
        return new SettingsPatch(Map.of(), null);
    }

    /**
     * Reads a request body.
     *
     * @throws ApiException 400 {@code invalid_request} naming the field when a value has the wrong
     *     type or is out of range
     */
    public static SettingsPatch parse(JsonObject body) {
        Map<List<String>, Object> changes = new LinkedHashMap<>();
        if (body == null) {
            return new SettingsPatch(changes, null);
        }
        for (Field f : FIELDS.values()) {
            if (!body.containsKey(f.wire())) {
                continue;
            }
            JsonValue v = body.get(f.wire());
            boolean empty = v.getValueType() == JsonValue.ValueType.NULL
                    || (v instanceof JsonString && ((JsonString) v).getString().isBlank()
                            && f.kind() != Kind.STRINGS);
            if (empty) {
                if (f.clearable()) {
                    changes.put(f.path(), null);
                } else if (v instanceof JsonString) {
                    throw ApiException.invalidField(f.wire(), "must not be blank");
                }
                continue;
            }
            changes.put(f.path(), value(f, v));
        }
        String prompt = null;
        if (body.containsKey("prompt_template") && !body.isNull("prompt_template")) {
            JsonValue v = body.get("prompt_template");
            if (!(v instanceof JsonString)) {
                throw ApiException.invalidField("prompt_template", "must be a string");
            }
            prompt = ((JsonString) v).getString();
            if (prompt.length() > PromptRenderer.MAX_TEMPLATE_CHARS) {
                throw ApiException.invalidField("prompt_template",
                        "must be at most " + PromptRenderer.MAX_TEMPLATE_CHARS + " characters");
            }
        }
        return new SettingsPatch(changes, prompt);
    }

    /** The new prompt template, or null to keep the file's body. */
    public String promptTemplate() {
        return promptTemplate;
    }

    /** True when the patch changes nothing. */
    public boolean isEmpty() {
        return changes.isEmpty() && (promptTemplate == null || promptTemplate.isBlank());
    }

    private static Object value(Field f, JsonValue v) {
        switch (f.kind()) {
            case STRING:
                return text(f, v);
            case CHOICE: {
                String s = text(f, v).strip().toLowerCase(java.util.Locale.ROOT);
                if (!f.choices().contains(s)) {
                    throw ApiException.invalidField(f.wire(), "must be one of " + String.join(", ", f.choices()));
                }
                return s;
            }
            case COUNT:
                return whole(f, v, "must be a whole number", Integer.MAX_VALUE);
            case TOKENS:
                return whole(f, v, "must be a whole number of tokens", Long.MAX_VALUE / 1000);
            case SECONDS:
                return whole(f, v, "must be a number of seconds", Long.MAX_VALUE / 1000);
            case BOOL:
                if (v.getValueType() == JsonValue.ValueType.TRUE) {
                    return Boolean.TRUE;
                }
                if (v.getValueType() == JsonValue.ValueType.FALSE) {
                    return Boolean.FALSE;
                }
                throw ApiException.invalidField(f.wire(), "must be true or false");
            case STRINGS: {
                if (v.getValueType() != JsonValue.ValueType.ARRAY) {
                    throw ApiException.invalidField(f.wire(), "must be a list of strings");
                }
                List<String> out = new ArrayList<>();
                for (JsonValue item : v.asJsonArray()) {
                    if (!(item instanceof JsonString)) {
                        throw ApiException.invalidField(f.wire(), "must be a list of strings");
                    }
                    out.add(((JsonString) item).getString());
                }
                return out;
            }
            case USD: {
                BigDecimal d = decimal(f, v, "must be an amount in US dollars");
                if (d.signum() < 0) {
                    throw ApiException.invalidField(f.wire(), "must not be negative");
                }
                return new YamlNumber(d.toPlainString());
            }
            case FRACTION: {
                BigDecimal d = decimal(f, v, "must be a fraction between 0 and 1");
                if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) > 0) {
                    throw ApiException.invalidField(f.wire(), "must be a fraction between 0 and 1");
                }
                return new YamlNumber(d.toPlainString());
            }
            case LIMITS: {
                if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw ApiException.invalidField(f.wire(), "must be an object of names to whole numbers");
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
                    if (e.getKey().isBlank()) {
                        throw ApiException.invalidField(f.wire(), "names must not be blank");
                    }
                    out.put(e.getKey(), whole(f, e.getValue(), "must be an object of names to whole numbers",
                            Integer.MAX_VALUE));
                }
                return out;
            }
            default:
                throw new IllegalStateException(f.kind().name());
        }
    }

    private static String text(Field f, JsonValue v) {
        if (!(v instanceof JsonString)) {
            throw ApiException.invalidField(f.wire(), "must be a string");
        }
        return ((JsonString) v).getString();
    }

    private static long whole(Field f, JsonValue v, String problem, long max) {
        BigDecimal d = decimal(f, v, problem);
        long n;
        try {
            n = d.longValueExact();
        } catch (ArithmeticException e) {
            throw ApiException.invalidField(f.wire(), problem);
        }
        if (n < 0) {
            throw ApiException.invalidField(f.wire(), "must not be negative");
        }
        if (n > max) {
            throw ApiException.invalidField(f.wire(), "is too large");
        }
        return n;
    }

    private static BigDecimal decimal(Field f, JsonValue v, String problem) {
        if (!(v instanceof JsonNumber)) {
            throw ApiException.invalidField(f.wire(), problem);
        }
        BigDecimal d = ((JsonNumber) v).bigDecimalValue();
        if (Math.abs((long) d.scale()) > 40 || d.precision() > 40) {
            throw ApiException.invalidField(f.wire(), problem);
        }
        return d;
    }

    /**
     * Writes the changes into a front-matter node tree. Nodes the patch does not touch, and their
     * comments, stay as they are; a replaced value keeps the comment on its line.
     */
    void applyTo(MappingNode root) {
        for (Map.Entry<List<String>, Object> change : changes.entrySet()) {
            List<String> path = change.getKey();
            if (change.getValue() == null) {
                remove(root, path);
            } else {
                put(parentOf(root, path), path.get(path.size() - 1), MissionYaml.represent(change.getValue()));
            }
        }
    }

    private static int indexOf(MappingNode node, String key) {
        List<NodeTuple> tuples = node.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            Node k = tuples.get(i).getKeyNode();
            if (k instanceof ScalarNode && ((ScalarNode) k).getValue().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static void put(MappingNode node, String key, Node value) {
        List<NodeTuple> tuples = new ArrayList<>(node.getValue());
        int at = indexOf(node, key);
        if (at < 0) {
            tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, ScalarStyle.PLAIN), value));
        } else {
            Node old = tuples.get(at).getValueNode();
            value.setInLineComments(old.getInLineComments());
            value.setEndComments(old.getEndComments());
            tuples.set(at, new NodeTuple(tuples.get(at).getKeyNode(), value));
        }
        node.setValue(tuples);
    }

    private static MappingNode parentOf(MappingNode root, List<String> path) {
        MappingNode node = root;
        for (String key : path.subList(0, path.size() - 1)) {
            int at = indexOf(node, key);
            Node child = at < 0 ? null : node.getValue().get(at).getValueNode();
            if (!(child instanceof MappingNode)) {
                // a section written as null or a scalar cannot hold the key; the new mapping replaces it
                child = new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
                put(node, key, child);
            }
            node = (MappingNode) child;
        }
        return node;
    }

    private static void remove(MappingNode root, List<String> path) {
        List<MappingNode> chain = new ArrayList<>();
        MappingNode node = root;
        for (String key : path.subList(0, path.size() - 1)) {
            int at = indexOf(node, key);
            Node child = at < 0 ? null : node.getValue().get(at).getValueNode();
            if (!(child instanceof MappingNode)) {
                return;
            }
            chain.add(node);
            node = (MappingNode) child;
        }
        removeKey(node, path.get(path.size() - 1));
        // Drop mappings the removal emptied, below the top level: "agent: {claude: {}}" would read
        // as a Claude block, so it goes; a top-level section stays (it may be the only mission key).
        for (int depth = path.size() - 2; depth >= 1; depth--) {
            MappingNode parent = chain.get(depth);
            int at = indexOf(parent, path.get(depth));
            Node child = parent.getValue().get(at).getValueNode();
            if (child instanceof MappingNode && ((MappingNode) child).getValue().isEmpty()) {
                removeKey(parent, path.get(depth));
            } else {
                break;
            }
        }
    }

    private static void removeKey(MappingNode node, String key) {
        int at = indexOf(node, key);
        if (at >= 0) {
            List<NodeTuple> tuples = new ArrayList<>(node.getValue());
            tuples.remove(at);
            node.setValue(tuples);
        }
    }

    @Override
    public String toString() {
        return "SettingsPatch" + Collections.unmodifiableMap(changes).keySet();
    }
}
