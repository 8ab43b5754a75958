package it.flightdeck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real git repositories in temp directories, for tests that check what the server does with them. */
public final class GitRepo {
    private GitRepo() {
    }

    /** A new repository on branch main with one commit of the given files (name, content pairs). */
    public static Path create(String prefix, String... files) {
        try {
            Path dir = Files.createTempDirectory(prefix).toRealPath();
            git(dir, "init", "-q", "-b", "main");
            git(dir, "config", "user.email", "it@flightdeck.test");
            git(dir, "config", "user.name", "it");
            for (int i = 0; i + 1 < files.length; i += 2) {
                Path f = dir.resolve(files[i]);
                Files.createDirectories(f.getParent());
                Files.writeString(f, files[i + 1]);
            }
            git(dir, "add", "-A");
            git(dir, "commit", "-q", "--allow-empty", "-m", "initial");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs git in dir; fails the test when git does. */
    public static String git(Path dir, String... args) {
        Result r = run(dir, args);
        if (r.exit != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed in " + dir + ": " + r.out);
        }
        return r.out;
    }

    public record Result(int exit, String out) {
    }

    public static Result run(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
