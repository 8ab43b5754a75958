package dev.flightdeck.core.connector;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment Flightdeck gives the processes it starts, built from an allow-list instead of
 * inherited: the server's own environment holds its token, the database password and Liberty's
 * keystore password, and an agent that could read them could approve its own tool calls. Pure.
 *
 * <p>Agents and shell commands get the basics a shell needs, the provider settings the user
 * configured for the CLIs, proxies and CA files, and the extra variables the user names in
 * {@value #PASS_THROUGH}. git gets less: no provider keys, no proxies, nothing extra.
 */
public final class ProcessEnv {
    /** Comma-separated names of further server variables to hand to agents and shell commands. */
    public static final String PASS_THROUGH = "FLIGHTDECK_AGENT_ENV";

    private static final Set<String> BASICS = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "LANG",
            "LANGUAGE", "TERM", "TZ");
    /** Where the CLIs read their provider, model and behaviour settings (CLAUDE_ covers CLAUDE_CODE_). */
    private static final String[] PROVIDER_PREFIXES = {"ANTHROPIC_", "CLAUDE_", "DISABLE_", "OPENAI_", "CODEX_"};
    private static final Set<String> NETWORK = Set.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
            "http_proxy", "https_proxy", "no_proxy", "all_proxy", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR");
    /** git's push may need the user's ssh agent; nothing else git does reads more than the basics. */
    private static final Set<String> GIT_EXTRA = Set.of("SSH_AUTH_SOCK");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ProcessEnv() {
    }

    /**
     * The one FLIGHTDECK_ variable an agent process may hold: a Codex mission run's tool token, in the
     * app-server's environment only, where Codex reads it for its MCP requests. Codex's shell leaves out
     * FLIGHTDECK_* (see the app-server command line), so the model's commands never see it.
     */
    public static final String MISSION_TOKEN = "FLIGHTDECK_MISSION_TOKEN";

    /** {@link #agent}'s environment plus the mission tool token: for a Codex mission run's app-server alone. */
    public static Map<String, String> withMissionToken(Map<String, String> agentEnv, String token) {
        Map<String, String> out = new TreeMap<>(agentEnv);
        out.put(MISSION_TOKEN, token);
        return out;
    }

    /** For Claude, Codex and shell commands. */
    public static Map<String, String> agent(Map<String, String> server) {
        Map<String, String> out = new TreeMap<>();
        server.forEach((name, value) -> {
            if (basic(name) || provider(name) || NETWORK.contains(name)) {
                put(out, name, value);
            }
        });
        for (String name : passThrough(server.get(PASS_THROUGH))) {
            String value = server.get(name);
            if (value != null) {
                put(out, name, value);
            }
        }
        return out;
    }

    /**
     * For git: the basics only, and settings that keep it from reading anything but the repository's
     * own config (no system or user config, no system attributes), from prompting, or from taking
     * optional locks beside the agent's own git commands. {@code emptyConfig} is an empty file.
     */
    public static Map<String, String> git(Map<String, String> server, String emptyConfig) {
        Map<String, String> out = new TreeMap<>();
        server.forEach((name, value) -> {
            if (basic(name) || GIT_EXTRA.contains(name)) {
                put(out, name, value);
            }
        });
        out.put("LC_ALL", "C");
        out.put("GIT_TERMINAL_PROMPT", "0");
        out.put("GIT_OPTIONAL_LOCKS", "0");
        out.put("GIT_CONFIG_NOSYSTEM", "1");
        out.put("GIT_CONFIG_GLOBAL", emptyConfig);
        out.put("GIT_ATTR_NOSYSTEM", "1");
        // Empty, so a core.askPass the repository's config names is never run.
        out.put("GIT_ASKPASS", "");
        return out;
    }

    /**
     * The names {@value #PASS_THROUGH} lists that may pass: well-formed, and never the server's own
     * settings or Liberty's, whatever the list says.
     */
    static Set<String> passThrough(String list) {
        Set<String> names = new java.util.LinkedHashSet<>();
        if (list == null) {
            return names;
        }
        for (String part : list.split(",")) {
            String name = part.trim();
            if (NAME.matcher(name).matches() && !denied(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The server's settings and secrets: FLIGHTDECK_* (token, database), Liberty's WLP_* and keystore password. */
    static boolean denied(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("FLIGHTDECK_") || upper.startsWith("WLP_") || upper.equals("KEYSTORE_PASSWORD");
    }

    private static boolean basic(String name) {
        return BASICS.contains(name) || name.startsWith("LC_");
    }

    private static boolean provider(String name) {
        for (String prefix : PROVIDER_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (!denied(name)) {
            out.put(name, value);
        }
    }
}
