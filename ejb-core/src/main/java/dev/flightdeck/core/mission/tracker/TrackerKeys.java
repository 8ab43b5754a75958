package dev.flightdeck.core.mission.tracker;

import dev.flightdeck.core.secret.SecretBox;
import dev.flightdeck.core.secret.SecretException;
import dev.flightdeck.core.settings.ServerSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * Which key a tracker call uses, in the contract's order: the mission's own key, then the environment
 * ({@code LINEAR_API_KEY} / {@code GITHUB_TOKEN}), then the server-wide key in settings.
 */
@Stateless
public class TrackerKeys {
    /** Where a resolved key came from, as the contract spells it (tracker-key routes). */
    public enum Source {
        MISSION("mission"), ENV("env"), GLOBAL("global");

        private final String wire;

        Source(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** A key and its source. {@link #toString()} leaves the key out, so a stray log line cannot leak it. */
    public record Resolved(String key, Source source) {
        @Override
        public String toString() {
            return "Resolved[source=" + source.wire() + "]";
        }
    }

    @Inject
    ServerSettings settings;

    @Inject
    SecretBox box;

    @Inject
    Config config;

    public static String envName(TrackerKind kind) {
        return kind == TrackerKind.LINEAR ? "LINEAR_API_KEY" : "GITHUB_TOKEN";
    }

    public static String settingName(TrackerKind kind) {
        return kind == TrackerKind.LINEAR ? ServerSettings.LINEAR_API_KEY : ServerSettings.GITHUB_API_KEY;
    }

    /**
     * The key to use; {@code missionKeySealed} is the mission's own key as stored (enc:v1:…), or null.
     * A stored key that cannot be opened (the encryption key changed) is missing_tracker_secret: the
     * operator must set it again, and a lower-ranked key must not silently take its place.
     */
    public Optional<Resolved> resolve(TrackerKind kind, String missionKeySealed) {
        try {
            String mission = missionKeySealed == null || missionKeySealed.isBlank() ? null : box.open(missionKeySealed);
            return precedence(mission, environment(kind), () -> settings.get(settingName(kind)));
        } catch (SecretException e) {
            throw new TrackerException("missing_tracker_secret", "the stored " + kind.wire() + " key cannot be decrypted ("
                    + e.getMessage() + "); set it again", false, null);
        }
    }

    /** The contract's order, as a pure rule: the mission's key, else the environment's, else the stored one. */
    static Optional<Resolved> precedence(String missionKey, Optional<String> envKey, Supplier<Optional<String>> storedKey) {
        if (missionKey != null && !missionKey.isBlank()) {
            return Optional.of(new Resolved(missionKey, Source.MISSION));
        }
        if (envKey.isPresent()) {
            return Optional.of(new Resolved(envKey.get(), Source.ENV));
        }
        return storedKey.get().filter(k -> !k.isBlank()).map(k -> new Resolved(k, Source.GLOBAL));
    }

    /** The environment's key (read through MP Config, so a system property serves in tests too). */
    public Optional<String> environment(TrackerKind kind) {
        return config.getOptionalValue(envName(kind), String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Server-wide status: {@code env} when the environment has a key (it wins), else {@code settings}. */
    public GlobalStatus global(TrackerKind kind) {
        if (environment(kind).isPresent()) {
            return new GlobalStatus(true, "env");
        }
        boolean stored = settings.has(settingName(kind));
        return new GlobalStatus(stored, stored ? "settings" : null);
    }

    public void putGlobal(TrackerKind kind, String key) {
        settings.put(settingName(kind), key);
    }

    public boolean deleteGlobal(TrackerKind kind) {
        return settings.delete(settingName(kind));
    }

    /** Seals a mission's own key for the missions table. */
    public String sealMissionKey(String key) {
        return box.seal(key);
    }

    public record GlobalStatus(boolean configured, String source) {
    }
}
