package dev.flightdeck.core.fs;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.git.Git;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browsing the server's filesystem to pick a project, confined to configured roots
 * (FLIGHTDECK_FS_ROOTS, comma-separated; the user's home by default). Every path is resolved with
 * symlinks followed before it is checked, so no link or {@code ..} leads outside.
 */
@ApplicationScoped
public class FsService {
    @Inject
    @ConfigProperty(name = "FLIGHTDECK_FS_ROOTS")
    Optional<String> roots;

    public record Listing(String path, List<FsRules.Entry> entries) {
    }

    public record Ok(boolean ok) {
    }

    public Listing browse(String requested) {
        Path dir = allowed(requested == null || requested.isBlank() ? "~" : requested);
        List<FsRules.Entry> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> FsRules.listed(p.getFileName().toString())).forEach(p -> entries.add(new FsRules.Entry(
                    p.getFileName().toString(), Files.isDirectory(p), Files.isDirectory(p) && Files.exists(p.resolve(".git")))));
        } catch (IOException | RuntimeException e) {
            // A directory that cannot be read lists as empty, as the contract says.
            return new Listing(dir.toString(), List.of());
        }
        entries.sort(FsRules.ORDER);
        return new Listing(dir.toString(), entries);
    }

    public Ok gitInit(String requested) {
        if (requested == null || requested.isBlank()) {
            throw ApiException.invalidField("path", "is required");
        }
        Path dir = allowed(requested);
        if (!Files.isDirectory(dir)) {
            throw ErrorCode.PATH_NOT_FOUND.error("path: " + dir + " is not a directory");
        }
        try {
            if (!Git.run(dir, "init", "--quiet").ok()) {
                throw ErrorCode.GIT_INIT_FAILED.error("git init failed in " + dir);
            }
        } catch (Git.GitException e) {
            throw ErrorCode.GIT_INIT_FAILED.error(e.getMessage());
        }
        return new Ok(true);
    }

    /** The path, resolved, if it lies inside a root; 403 otherwise. A missing path resolves as far as it exists. */
    Path allowed(String requested) {
        String home = System.getProperty("user.home");
        Path p;
        try {
            p = Path.of(FsRules.expand(requested, home));
        } catch (InvalidPathException e) {
            throw ApiException.invalidField("path", "is not a valid path");
        }
        if (!p.isAbsolute()) {
            throw ApiException.invalidField("path", "must be absolute (or start with ~)");
        }
        Path real = real(p.normalize());
        if (!FsRules.allowed(real, realRoots(home))) {
            throw ErrorCode.PATH_NOT_ALLOWED.error("path: " + requested + " is outside the browsable roots");
        }
        return real;
    }

    private List<Path> realRoots(String home) {
        List<Path> out = new ArrayList<>();
        for (String r : roots.orElse(home).split(",")) {
            if (!r.isBlank()) {
                out.add(real(Path.of(FsRules.expand(r.strip(), home)).toAbsolutePath().normalize()));
            }
        }
        return out;
    }

    /** Symlinks resolved for the part that exists; the rest appended as written (already normalized). */
    private static Path real(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }
}
