package dev.flightdeck.core.mission;

import dev.flightdeck.core.mission.config.MissionConfig;
import dev.flightdeck.core.mission.config.MissionFile;
import dev.flightdeck.core.mission.machine.IssuePolicy;
import dev.flightdeck.persistence.mission.MissionEntity;
import java.nio.file.Path;

/** The config in force for a mission, and the machine's policy from it. Pure. */
public final class MissionConfigs {
    public static final String DEFAULT_FILE = "MISSION.md";

    private MissionConfigs() {
    }

    /** The last MISSION.md that parsed, or the defaults when none ever did. */
    public static MissionFile inForce(MissionEntity m) {
        if (m.missionText != null) {
            try {
                return MissionFile.parse(m.missionText);
            } catch (RuntimeException stale) {
                // Parsed when stored; a parser that grew stricter since falls back to the defaults.
            }
        }
        return new MissionFile(MissionConfig.defaults(), "", java.util.Map.of());
    }

    public static IssuePolicy policy(MissionConfig c) {
        MissionConfig.Orchestration o = c.orchestration();
        return new IssuePolicy(o.maxRetries(), o.maxContinuations(), o.backoffBase() * 1000, o.backoffMax() * 1000,
                o.stateOnDispatch(), o.stateOnComplete());
    }

    /** {@code <repo_root>/MISSION.md}, or the mission's own file, relative to the repository root. */
    public static Path file(MissionEntity m) {
        Path root = Path.of(m.repoRoot);
        return m.missionFilePath == null || m.missionFilePath.isBlank() ? root.resolve(DEFAULT_FILE)
                : root.resolve(m.missionFilePath).normalize();
    }
}
