package dev.flightdeck.core.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The data directory: FLIGHTDECK_DATA_DIR, else ~/.flightdeck (the same default server.xml gives H2). */
@ApplicationScoped
public class DataDir {
    @Inject
    @ConfigProperty(name = "FLIGHTDECK_DATA_DIR")
    Optional<String> configured;

    public Path path() {
        return configured.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".flightdeck"));
    }

    /** Where short-lived working files go (scratch git indexes). */
    public Path scratch() {
        return path().resolve("tmp");
    }
}
