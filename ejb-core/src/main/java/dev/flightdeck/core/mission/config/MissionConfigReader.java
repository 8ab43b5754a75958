package dev.flightdeck.core.mission.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a loaded front-matter tree onto {@link MissionConfig}, coercing scalars the way a person
 * writing YAML expects ({@code project: 3} is the string "3", {@code labels: bug} is a one-item
 * list) and naming the field when a value cannot be used. Keys it does not know are ignored here
 * and kept on write-back.
 */
final class MissionConfigReader {

    private MissionConfigReader() {
    }

    static MissionConfig read(Map<String, Object> root) {
        MissionConfig d = MissionConfig.defaults();
        String tracker = oneOf(root, "tracker", "tracker", MissionConfig.TRACKERS, d.tracker());
        return new MissionConfig(tracker, provider(section(root, "provider", "provider")),
                trigger(section(root, "trigger", "trigger")),
                orchestration(section(root, "orchestration", "orchestration")),
                agent(section(root, "agent", "agent")), workspace(section(root, "workspace", "workspace")),
                budget(section(root, "budget", "budget")),
                concurrency(section(root, "concurrency", "concurrency")));
    }

    private static MissionConfig.Provider provider(Map<String, Object> m) {
        MissionConfig.Provider d = MissionConfig.Provider.defaults();
        String p = "provider.";
        return new MissionConfig.Provider(oneOf(m, "strategy", p + "strategy", MissionConfig.STRATEGIES, d.strategy()),
                oneOf(m, "primary", p + "primary", MissionConfig.PROVIDERS, d.primary()),
                oneOf(m, "secondary", p + "secondary", MissionConfig.PROVIDERS, null),
                count(m, "max_concurrent", p + "max_concurrent", d.maxConcurrent()),
                optionalCount(m, "max_concurrent_primary", p + "max_concurrent_primary"));
    }

    private static MissionConfig.Trigger trigger(Map<String, Object> m) {
        MissionConfig.Trigger d = MissionConfig.Trigger.defaults();
        Map<String, Object> f = section(m, "filters", "trigger.filters");
        String p = "trigger.filters.";
        MissionConfig.Filters filters = new MissionConfig.Filters(strings(f, "labels", p + "labels"),
                strings(f, "states", p + "states"), string(f, "project", p + "project"),
                string(f, "team", p + "team"));
        return new MissionConfig.Trigger(oneOf(m, "kind", "trigger.kind", MissionConfig.TRIGGER_KINDS, d.kind()),
                seconds(m, "interval", "trigger.interval", d.interval()), filters);
    }

    private static MissionConfig.Orchestration orchestration(Map<String, Object> m) {
        MissionConfig.Orchestration d = MissionConfig.Orchestration.defaults();
        String p = "orchestration.";
        long base = seconds(m, "backoff_base", p + "backoff_base", d.backoffBase());
        long max = seconds(m, "backoff_max", p + "backoff_max", d.backoffMax());
        if (max < base) {
            throw new MissionFileException(p + "backoff_max: must not be less than orchestration.backoff_base");
        }
        return new MissionConfig.Orchestration(count(m, "max_retries", p + "max_retries", d.maxRetries()),
                seconds(m, "stall_timeout", p + "stall_timeout", d.stallTimeout()),
                orDefault(string(m, "base_branch", p + "base_branch"), d.baseBranch()),
                string(m, "worktree_root_dir", p + "worktree_root_dir"),
                orDefault(string(m, "state_on_dispatch", p + "state_on_dispatch"), d.stateOnDispatch()),
                orDefault(string(m, "state_on_complete", p + "state_on_complete"), d.stateOnComplete()), base, max,
                count(m, "max_continuations", p + "max_continuations", d.maxContinuations()));
    }

    private static MissionConfig.Agent agent(Map<String, Object> m) {
        MissionConfig.Claude claude = null;
        if (m.get("claude") != null) {
            Map<String, Object> c = section(m, "claude", "agent.claude");
            String p = "agent.claude.";
            claude = new MissionConfig.Claude(string(c, "model", p + "model"), string(c, "effort", p + "effort"),
                    string(c, "permission_mode", p + "permission_mode"),
                    strings(c, "allowed_tools", p + "allowed_tools"),
                    strings(c, "disallowed_tools", p + "disallowed_tools"),
                    Boolean.TRUE.equals(bool(c, "allow_bypass_permissions", p + "allow_bypass_permissions")),
                    strings(c, "skills", p + "skills"));
        }
        MissionConfig.Codex codex = null;
        if (m.get("codex") != null) {
            Map<String, Object> c = section(m, "codex", "agent.codex");
            String p = "agent.codex.";
            codex = new MissionConfig.Codex(string(c, "model", p + "model"), string(c, "effort", p + "effort"),
                    string(c, "approval_policy", p + "approval_policy"), string(c, "sandbox_mode", p + "sandbox_mode"),
                    string(c, "collaboration_mode", p + "collaboration_mode"), bool(c, "multi_agent", p + "multi_agent"),
                    string(c, "personality", p + "personality"), string(c, "service_tier", p + "service_tier"),
                    string(c, "developer_instructions", p + "developer_instructions"), strings(c, "skills", p + "skills"));
        }
        return new MissionConfig.Agent(claude, codex);
    }

    private static MissionConfig.Workspace workspace(Map<String, Object> m) {
        String p = "workspace.";
        Map<String, Object> r = section(m, "resources", p + "resources");
        return new MissionConfig.Workspace(string(m, "provider", p + "provider"), string(m, "image", p + "image"),
                string(m, "retention", p + "retention"), optionalSeconds(m, "retention_ttl", p + "retention_ttl"),
                new MissionConfig.Resources(optionalCount(r, "cpu", p + "resources.cpu"),
                        string(r, "memory", p + "resources.memory")),
                strings(m, "setup_commands", p + "setup_commands"));
    }

    private static MissionConfig.Budget budget(Map<String, Object> m) {
        String p = "budget.";
        Object tokens = m.get("max_tokens");
        Long maxTokens = tokens == null ? null : whole(tokens, p + "max_tokens", "must be a whole number of tokens");
        Object usd = m.get("max_usd");
        BigDecimal maxUsd = usd == null ? null : decimal(usd, p + "max_usd", "must be an amount in US dollars");
        if (maxUsd != null && maxUsd.signum() < 0) {
            throw new MissionFileException(p + "max_usd: must not be negative");
        }
        Object warn = m.get("warn_at");
        double warnAt = MissionConfig.Budget.DEFAULT_WARN_AT;
        if (warn != null) {
            BigDecimal w = decimal(warn, p + "warn_at", "must be a fraction between 0 and 1");
            if (w.signum() <= 0 || w.compareTo(BigDecimal.ONE) > 0) {
                throw new MissionFileException(p + "warn_at: must be a fraction between 0 and 1");
            }
            warnAt = w.doubleValue();
        }
        return new MissionConfig.Budget(maxTokens, maxUsd, optionalCount(m, "max_sessions", p + "max_sessions"), warnAt);
    }

    private static MissionConfig.Concurrency concurrency(Map<String, Object> m) {
        return new MissionConfig.Concurrency(limits(m, "by_state", "concurrency.by_state"),
                limits(m, "by_label", "concurrency.by_label"));
    }

    private static Map<String, Integer> limits(Map<String, Object> parent, String key, String path) {
        Map<String, Object> m = section(parent, key, path);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String name = e.getKey().strip();
            if (name.isEmpty()) {
                throw new MissionFileException(path + ": names must not be blank");
            }
            String at = path + "." + e.getKey();
            if (e.getValue() == null) {
                throw new MissionFileException(at + ": must be a whole number of issues");
            }
            out.put(name, (int) bounded(whole(e.getValue(), at, "must be a whole number of issues"), at));
        }
        return out;
    }

    // ── scalar coercion ─────────────────────────────────────────────────

    /** A mapping under {@code key}; empty when absent or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Map<String, Object> parent, String key, String path) {
        Object v = parent.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map)) {
            throw new MissionFileException(path + ": must be a mapping of keys to values");
        }
        Map<Object, Object> raw = (Map<Object, Object>) v;
        if (raw.keySet().stream().allMatch(k -> k instanceof String)) {
            return (Map<String, Object>) v;
        }
        // "3: 2" under by_label names the label "3"; only scalar keys get this far
        Map<String, Object> named = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : raw.entrySet()) {
            if (e.getKey() == null) {
                throw new MissionFileException(path + ": keys must be names, found an empty key");
            }
            named.put(e.getKey().toString(), e.getValue());
        }
        return named;
    }

    static String string(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new MissionFileException(path + ": must be a single value, not a list or mapping");
        }
        return scalarText(v);
    }

    private static String scalarText(Object v) {
        // YamlNumber keeps the written text: "1.10" stays "1.10", "0777" stays "0777".
        return v.toString();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String oneOf(Map<String, Object> m, String key, String path, List<String> allowed, String fallback) {
        String v = string(m, key, path);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String norm = v.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(norm)) {
            throw new MissionFileException(path + ": must be one of " + String.join(", ", allowed) + " (found \"" + v + "\")");
        }
        return norm;
    }

    static List<String> strings(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Map) {
            throw new MissionFileException(path + ": must be a list of values");
        }
        if (!(v instanceof List)) {
            return List.of(scalarText(v));
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (Object item : (List<?>) v) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw new MissionFileException(path + "[" + i + "]: must be a single value");
            }
            out.add(scalarText(item));
            i++;
        }
        return out;
    }

    private static Boolean bool(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new MissionFileException(path + ": must be true or false");
    }

    private static int count(Map<String, Object> m, String key, String path, int fallback) {
        Integer v = optionalCount(m, key, path);
        return v == null ? fallback : v;
    }

    private static Integer optionalCount(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        return v == null ? null : (int) bounded(whole(v, path, "must be a whole number"), path);
    }

    private static long seconds(Map<String, Object> m, String key, String path, long fallback) {
        Long v = optionalSeconds(m, key, path);
        return v == null ? fallback : v;
    }

    private static Long optionalSeconds(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        return v == null ? null : whole(v, path, "must be a number of seconds");
    }

    private static long bounded(long v, String path) {
        if (v > Integer.MAX_VALUE) {
            throw new MissionFileException(path + ": is too large");
        }
        return v;
    }

    /** A non-negative whole number; integral floats ({@code 1e3}) and digit strings are accepted. */
    private static long whole(Object v, String path, String problem) {
        BigDecimal d = decimal(v, path, problem);
        BigInteger i;
        try {
            i = d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new MissionFileException(path + ": " + problem);
        }
        if (i.signum() < 0) {
            throw new MissionFileException(path + ": must not be negative");
        }
        if (i.bitLength() > 62) {
            throw new MissionFileException(path + ": is too large");
        }
        return i.longValueExact();
    }

    private static BigDecimal decimal(Object v, String path, String problem) {
        if (v instanceof Boolean || v instanceof Map || v instanceof List) {
            throw new MissionFileException(path + ": " + problem);
        }
        BigDecimal d;
        if (v instanceof YamlNumber) {
            d = ((YamlNumber) v).value();
        } else {
            String text = v.toString().strip();
            try {
                d = text.length() > 40 ? null : new BigDecimal(text);
            } catch (NumberFormatException e) {
                d = null;
            }
        }
        // 1e999999999 is a valid number whose plain form is a billion digits
        if (d == null || Math.abs((long) d.scale()) > 40 || d.precision() > 40) {
            throw new MissionFileException(path + ": " + problem);
        }
        return d;
    }
}
