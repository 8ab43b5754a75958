package dev.flightdeck.core.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path tmp;

    Path exe(String rel) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void configuredWinsThenPathThenTheBuildsOwn() throws IOException {
        Path configured = exe("mine/claude");
        Path onPath = exe("bin/claude");
        Path bundled = exe("agents/node_modules/.bin/claude");
        String path = tmp.resolve("nowhere") + File.pathSeparator + tmp.resolve("bin");
        Optional<String> agents = Optional.of(tmp.resolve("agents").toString());

        assertThat(Executables.locate(Optional.of(configured.toString()), "claude", path, agents, "node_modules/.bin/claude"))
                .isEqualTo(new Executables.Located(configured, Executables.Source.CONFIGURED));
        assertThat(Executables.locate(Optional.empty(), "claude", path, agents, "node_modules/.bin/claude"))
                .isEqualTo(new Executables.Located(onPath, Executables.Source.PATH));
        assertThat(Executables.locate(Optional.empty(), "claude", tmp.resolve("nowhere").toString(), agents,
                "node_modules/.bin/claude")).isEqualTo(new Executables.Located(bundled, Executables.Source.BUNDLED));
    }

    @Test
    void aConfiguredCliThatIsMissingIsReportedNotReplaced() throws IOException {
        exe("bin/codex");
        Executables.Located at = Executables.locate(Optional.of(tmp.resolve("gone/codex").toString()), "codex",
                tmp.resolve("bin").toString(), Optional.empty(), "node_modules/.bin/codex");
        assertThat(at.found()).isFalse();
        assertThat(at.source()).isEqualTo(Executables.Source.CONFIGURED);
    }

    @Test
    void nothingAnywhereIsNotFoundAndDirectoriesOrEmptyPathEntriesDoNotCount() throws IOException {
        Files.createDirectories(tmp.resolve("bin/codex"));
        Executables.Located at = Executables.locate(Optional.empty(), "codex", File.pathSeparator + tmp.resolve("bin"),
                Optional.of(tmp.resolve("agents").toString()), "node_modules/.bin/codex");
        assertThat(at.found()).isFalse();
    }

    @Test
    void versionsAreReadFromWhatEachCliPrints() {
        assertThat(AgentVersions.parse("2.1.330 (Claude Code)\n")).isEqualTo("2.1.330");
        assertThat(AgentVersions.parse("codex-cli 0.169.0\n")).isEqualTo("0.169.0");
        assertThat(AgentVersions.parse("no version here")).isNull();
    }
}
