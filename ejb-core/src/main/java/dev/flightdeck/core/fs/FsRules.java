package dev.flightdeck.core.fs;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Which paths a client may see, and how a directory listing is ordered. Pure. */
public final class FsRules {
    private FsRules() {
    }

    public record Entry(String name, boolean isDir, boolean isGit) {
    }

    /** Directories first, then by name without regard to case. */
    public static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.isDir())
            .thenComparing(e -> e.name().toLowerCase(Locale.ROOT)).thenComparing(Entry::name);

    /** Hidden entries (a leading dot) are not listed. */
    public static boolean listed(String name) {
        return !name.startsWith(".");
    }

    /** Whether a resolved path (symlinks followed) lies inside one of the resolved roots. */
    public static boolean allowed(Path realPath, List<Path> realRoots) {
        Path p = realPath.normalize();
        return realRoots.stream().anyMatch(r -> p.startsWith(r.normalize()));
    }

    /** {@code ~} and {@code ~/x} name the home directory. */
    public static String expand(String path, String home) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home + path.substring(1) : path;
    }
}
