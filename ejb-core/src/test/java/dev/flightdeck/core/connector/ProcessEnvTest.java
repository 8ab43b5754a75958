package dev.flightdeck.core.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessEnvTest {
    /** A server environment as Liberty leaves it: the user's basics, provider settings, and the server's secrets. */
    static Map<String, String> server() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", "/home/u");
        env.put("USER", "u");
        env.put("LOGNAME", "u");
        env.put("SHELL", "/bin/bash");
        env.put("TMPDIR", "/tmp");
        env.put("LANG", "en_US.UTF-8");
        env.put("LC_CTYPE", "en_US.UTF-8");
        env.put("TERM", "xterm");
        env.put("TZ", "UTC");
        env.put("ANTHROPIC_API_KEY", "sk-ant");
        env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:1");
        env.put("CLAUDE_CONFIG_DIR", "/c");
        env.put("CLAUDE_CODE_USE_BEDROCK", "1");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("OPENAI_API_KEY", "sk-oai");
        env.put("CODEX_HOME", "/codex");
        env.put("HTTPS_PROXY", "http://proxy:3128");
        env.put("no_proxy", "localhost");
        env.put("NODE_EXTRA_CA_CERTS", "/ca.pem");
        env.put("SSH_AUTH_SOCK", "/run/ssh.sock");
        env.put("FLIGHTDECK_AUTH_TOKEN", "static-token");
        env.put("FLIGHTDECK_DB_PASSWORD", "db-secret");
        env.put("FLIGHTDECK_DB_URL", "jdbc:postgresql://db/fd");
        env.put("keystore_password", "ks-secret");
        env.put("WLP_USER_DIR", "/wlp/usr");
        env.put("JAVA_TOOL_OPTIONS", "-Xmx1g");
        env.put("AWS_SECRET_ACCESS_KEY", "aws-secret");
        env.put("GIT_DIR", "/elsewhere/.git");
        return env;
    }

    @Test
    void agentsGetTheBasicsAndTheProviderSettingsOnly() {
        Map<String, String> env = ProcessEnv.agent(server());
        assertThat(env).containsKeys("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TMPDIR", "LANG", "LC_CTYPE", "TERM",
                "TZ", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "CLAUDE_CONFIG_DIR", "CLAUDE_CODE_USE_BEDROCK",
                "DISABLE_TELEMETRY", "OPENAI_API_KEY", "CODEX_HOME", "HTTPS_PROXY", "no_proxy", "NODE_EXTRA_CA_CERTS");
        assertThat(env).doesNotContainKeys("FLIGHTDECK_AUTH_TOKEN", "FLIGHTDECK_DB_PASSWORD", "FLIGHTDECK_DB_URL",
                "keystore_password", "WLP_USER_DIR", "JAVA_TOOL_OPTIONS", "AWS_SECRET_ACCESS_KEY", "GIT_DIR",
                "SSH_AUTH_SOCK");
        assertThat(env.values()).doesNotContain("static-token", "db-secret", "ks-secret");
        assertThat(env).containsEntry("ANTHROPIC_API_KEY", "sk-ant");
    }

    @Test
    void theUserNamesExtraVariablesButNeverTheServersOwn() {
        Map<String, String> server = server();
        server.put(ProcessEnv.PASS_THROUGH, " AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN ,FLIGHTDECK_DB_PASSWORD,flightdeck_auth_token,"
                + "keystore_password,KEYSTORE_PASSWORD,WLP_USER_DIR,bad-name,,=x,UNSET_ONE");
        server.put("GITHUB_TOKEN", "ghp");
        server.put("flightdeck_auth_token", "lower");
        Map<String, String> env = ProcessEnv.agent(server);
        assertThat(env).containsEntry("AWS_SECRET_ACCESS_KEY", "aws-secret").containsEntry("GITHUB_TOKEN", "ghp");
        assertThat(env).doesNotContainKeys("FLIGHTDECK_DB_PASSWORD", "flightdeck_auth_token", "keystore_password",
                "WLP_USER_DIR", "UNSET_ONE", ProcessEnv.PASS_THROUGH);
        assertThat(ProcessEnv.passThrough(server.get(ProcessEnv.PASS_THROUGH)))
                .containsExactly("AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN", "UNSET_ONE");
        assertThat(ProcessEnv.passThrough(null)).isEmpty();
    }

    @Test
    void aProviderPrefixNeverLetsTheServersSettingsThrough() {
        assertThat(ProcessEnv.denied("FLIGHTDECK_AGENT_ENV")).isTrue();
        assertThat(ProcessEnv.denied("Flightdeck_Db_User")).isTrue();
        assertThat(ProcessEnv.denied("wlp_output_dir")).isTrue();
        assertThat(ProcessEnv.denied("ANTHROPIC_API_KEY")).isFalse();
    }

    @Test
    void gitGetsLessStill() {
        Map<String, String> server = server();
        server.put(ProcessEnv.PASS_THROUGH, "AWS_SECRET_ACCESS_KEY");
        Map<String, String> env = ProcessEnv.git(server, "/dev/null");
        assertThat(env).containsKeys("PATH", "HOME", "TZ", "SSH_AUTH_SOCK");
        assertThat(env).doesNotContainKeys("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "CLAUDE_CONFIG_DIR", "CODEX_HOME",
                "HTTPS_PROXY", "FLIGHTDECK_AUTH_TOKEN", "FLIGHTDECK_DB_PASSWORD", "keystore_password", "WLP_USER_DIR",
                "AWS_SECRET_ACCESS_KEY", "GIT_DIR");
        assertThat(env).containsEntry("LC_ALL", "C").containsEntry("GIT_TERMINAL_PROMPT", "0")
                .containsEntry("GIT_OPTIONAL_LOCKS", "0").containsEntry("GIT_CONFIG_NOSYSTEM", "1")
                .containsEntry("GIT_CONFIG_GLOBAL", "/dev/null").containsEntry("GIT_ATTR_NOSYSTEM", "1")
                .containsEntry("GIT_ASKPASS", "");
    }
}
