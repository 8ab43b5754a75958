package dev.flightdeck.persistence.mission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A repository's mission: its MISSION.md, its tracker and its orchestration switches. */
@Entity
@Table(name = "missions")
public class MissionEntity {
    @Id
    public String id;
    public String name;
    @Column(name = "repo_root")
    public String repoRoot;
    /** linear or github. */
    @Column(name = "tracker_kind")
    public String trackerKind;
    public String provider;
    /** The parsed front matter of the last good MISSION.md, as JSON. */
    @Column(name = "config_json")
    public String configJson;
    @Column(name = "prompt_template")
    public String promptTemplate;
    /** The last MISSION.md text that parsed; its config stays in force while a newer file fails. */
    @Column(name = "mission_text")
    public String missionText;
    public boolean enabled;
    public boolean paused;
    /** Set by start-orchestrator; the leader polls only these. */
    public boolean orchestrating;
    @Column(name = "last_parsed_at")
    public Long lastParsedAt;
    @Column(name = "parse_error")
    public String parseError;
    @Column(name = "mission_file_path")
    public String missionFilePath;
    /** Sealed; never returned. */
    @Column(name = "tracker_api_key")
    public String trackerApiKey;
    /** Sealed; never returned. */
    @Column(name = "webhook_secret")
    public String webhookSecret;
    @Column(name = "last_polled_at")
    public Long lastPolledAt;
    /** A trigger or webhook asked for a poll before the interval. */
    @Column(name = "poll_requested_at")
    public Long pollRequestedAt;
    @Column(name = "created_at")
    public long createdAt;
    @Column(name = "updated_at")
    public long updatedAt;
}
