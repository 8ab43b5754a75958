package dev.flightdeck.core.auth;

import dev.flightdeck.core.config.DataDir;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * On a first start with no token at all, mints one and writes it to {@code <data dir>/auth-token}
 * (mode 0600). The log names the file, never the token.
 */
@Startup
@Singleton
@DependsOn("Migrator")
public class AuthBootstrap {
    private static final Logger LOG = Logger.getLogger(AuthBootstrap.class.getName());
    static final String TOKEN_FILE = "auth-token";

    @EJB
    TokenService tokens;

    @Inject
    DataDir dataDir;

    @PostConstruct
    void ensureToken() {
        Path file = dataDir.path().resolve(TOKEN_FILE);
        if (tokens.hasStaticToken()) {
            LOG.info("Auth: static token from FLIGHTDECK_AUTH_TOKEN is active");
            return;
        }
        if (tokens.countLive() > 0) {
            if (Files.exists(file)) {
                LOG.info(() -> "Auth: your token is in " + file);
            }
            return;
        }
        String token = tokens.mint("local", TokenKind.APP, null).token();
        writeOwnerOnly(file, token + "\n");
        LOG.info(() -> "Auth: generated an API token; it is in " + file + " (mode 0600)");
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(TOKEN_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token file " + file, e);
        }
    }
}
