package dev.flightdeck.core.settings;

import dev.flightdeck.core.secret.SecretBox;
import dev.flightdeck.persistence.settings.ServerSettingEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/**
 * Server-wide settings (contract §3 config). Values of secret keys are sealed by {@link SecretBox}
 * before they are written and opened when read; nothing else sees them in plain text.
 */
@Stateless
public class ServerSettings {
    public static final String LINEAR_API_KEY = "linear_api_key";
    public static final String GITHUB_API_KEY = "github_api_key";
    public static final String OPENAI_API_KEY = "openai_api_key";
    public static final String DAYTONA_API_KEY = "daytona_api_key";
    public static final String MISSION_DEFAULT_STRATEGY = "mission_default_strategy";
    public static final String MISSION_DEFAULT_PRIMARY = "mission_default_primary";
    public static final String MISSION_DEFAULT_SECONDARY = "mission_default_secondary";

    /** Keys whose values are secrets. */
    static final Set<String> SECRET = Set.of(LINEAR_API_KEY, GITHUB_API_KEY, OPENAI_API_KEY, DAYTONA_API_KEY);

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    SecretBox box;

    public static boolean isSecret(String key) {
        return SECRET.contains(key) || key.endsWith("_api_key") || key.endsWith("_token") || key.endsWith("_secret");
    }

    public Optional<String> get(String key) {
        ServerSettingEntity e = em.find(ServerSettingEntity.class, key);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(isSecret(key) ? box.open(e.value) : e.value);
    }

    public boolean has(String key) {
        return em.find(ServerSettingEntity.class, key) != null;
    }

    public void put(String key, String value) {
        String stored = isSecret(key) ? box.seal(value) : value;
        ServerSettingEntity e = em.find(ServerSettingEntity.class, key);
        if (e == null) {
            e = new ServerSettingEntity();
            e.key = key;
            e.value = stored;
            e.updatedAt = System.currentTimeMillis();
            em.persist(e);
        } else {
            e.value = stored;
            e.updatedAt = System.currentTimeMillis();
        }
    }

    /** True when there was a value to delete. */
    public boolean delete(String key) {
        ServerSettingEntity e = em.find(ServerSettingEntity.class, key);
        if (e == null) {
            return false;
        }
        em.remove(e);
        return true;
    }

    public MissionDefaults missionDefaults() {
        MissionDefaults d = MissionDefaults.DEFAULT;
        return new MissionDefaults(get(MISSION_DEFAULT_STRATEGY).orElse(d.providerStrategy()),
                get(MISSION_DEFAULT_PRIMARY).orElse(d.primaryProvider()),
                get(MISSION_DEFAULT_SECONDARY).orElse(d.secondaryProvider()));
    }

    /** Applies a PUT body (see {@link MissionDefaults#merge}) and answers the result. */
    public MissionDefaults updateMissionDefaults(jakarta.json.JsonObject body) {
        MissionDefaults next = MissionDefaults.merge(missionDefaults(), body);
        put(MISSION_DEFAULT_STRATEGY, next.providerStrategy());
        put(MISSION_DEFAULT_PRIMARY, next.primaryProvider());
        if (next.secondaryProvider() == null) {
            delete(MISSION_DEFAULT_SECONDARY);
        } else {
            put(MISSION_DEFAULT_SECONDARY, next.secondaryProvider());
        }
        return next;
    }
}
