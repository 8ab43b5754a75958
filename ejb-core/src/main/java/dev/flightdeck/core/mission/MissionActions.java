package dev.flightdeck.core.mission;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.mission.config.MissionFile;
import dev.flightdeck.core.mission.config.MissionFileException;
import dev.flightdeck.core.mission.config.MissionTemplate;
import dev.flightdeck.core.mission.config.SettingsPatch;
import dev.flightdeck.core.mission.config.WorkflowMigration;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.core.mission.machine.IssueState;
import dev.flightdeck.core.mission.tracker.Tracker;
import dev.flightdeck.core.mission.tracker.TrackerException;
import dev.flightdeck.core.mission.tracker.TrackerIssue;
import dev.flightdeck.core.mission.tracker.WebhookSignatures;
import dev.flightdeck.persistence.mission.MissionEntity;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The mission routes that do more than one transaction or any I/O: a person's issue actions (their
 * session is ended after the decision commits), dispatch by hand, the routes that write MISSION.md,
 * and webhook intake. No transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MissionActions {
    @Inject
    MissionService missions;

    @Inject
    MissionStore store;

    @Inject
    MissionIssues issues;

    @Inject
    MissionEffects effects;

    @Inject
    MissionTrackers trackers;

    @Inject
    MissionDispatch dispatch;

    /** retry, transition, complete, pr or blocked, on the issue {@code issueId} (tracker id, identifier or row id). */
    public MissionWire.Detail apply(String missionId, String issueId, IssueEvent event) {
        MissionIssueEntity row = missions.issue(missionId, issueId);
        effects.run(issues.apply(row.id, event, null));
        return missions.detail(missionId);
    }

    /**
     * Creates the mission and reads its MISSION.md at once, so its settings or its parse error show
     * before anyone starts the orchestrator. The file is read outside the transaction that records it.
     */
    public MissionWire.Summary create(MissionRequests.Create req) {
        String id = missions.create(req).id();
        MissionEntity m = store.find(id);
        store.recordParse(id, MissionTick.read(MissionConfigs.file(m)), System.currentTimeMillis());
        return missions.detail(id).summary();
    }

    /** Deletes the mission, then ends the sessions of its running issues. */
    public MissionWire.Listing delete(String missionId) {
        List<String> live = missions.liveSessions(missionId);
        MissionWire.Listing left = missions.delete(missionId);
        live.forEach(effects::endSession);
        return left;
    }

    /** POST …/dispatch: fetch the issue, upsert it, and start a run now, whatever the filters say. */
    public MissionWire.Detail dispatch(String missionId, MissionRequests.Dispatch req) {
        MissionEntity m = store.find(missionId);
        // A mission nobody started has never read its file: the run needs its prompt and settings.
        store.recordParse(m.id, MissionTick.read(MissionConfigs.file(m)), System.currentTimeMillis());
        m = store.find(m.id);
        if (m.missionText == null) {
            throw ErrorCode.INVALID_REQUEST.error("the mission has no MISSION.md that parses: " + m.parseError);
        }
        Tracker tracker = trackers.forMission(m);
        TrackerIssue issue;
        try {
            issue = tracker.byIdentifier(req.issueIdentifier()).orElseThrow(() -> ErrorCode.ISSUE_NOT_FOUND.error(
                    "the tracker has no issue " + req.issueIdentifier()));
        } catch (TrackerException e) {
            throw ErrorCode.TRACKER_ERROR.error(e.category() + ": " + e.getMessage());
        }
        store.upsert(m.id, List.of(issue), System.currentTimeMillis(), null);
        MissionIssueEntity row = missions.issue(m.id, issue.id());
        IssueState state = IssueState.fromWire(row.orchestrationState).orElse(IssueState.QUEUED);
        if (state != IssueState.QUEUED && state != IssueState.RETRY_QUEUED) {
            throw ErrorCode.CONFLICT.error(issue.identifier() + " is " + state.wire()
                    + "; retry or re-queue it before dispatching it again");
        }
        String provider = req.provider() != null ? req.provider()
                : MissionConfigs.inForce(m).config().provider().primary();
        MissionEntity mission = m;
        dispatch.dispatch(row.id, provider, issue, null);
        return missions.detail(mission.id);
    }

    public MissionWire.Template defaultTemplate(String missionId) {
        MissionEntity m = store.find(missionId);
        return new MissionWire.Template(MissionTemplate.defaultFor(m.provider, m.trackerKind));
    }

    /** Writes the default MISSION.md; 409 conflict when the file exists. */
    public MissionWire.Detail scaffold(String missionId) {
        MissionEntity m = store.find(missionId);
        Path file = MissionConfigs.file(m);
        if (Files.exists(file)) {
            throw ErrorCode.CONFLICT.error(file.getFileName() + " already exists in " + m.repoRoot);
        }
        write(file, MissionTemplate.defaultFor(m.provider, m.trackerKind));
        return reparsed(m.id, file);
    }

    /** Converts WORKFLOW.md (either Symphony generation) to MISSION.md; 404 without one, 409 when MISSION.md exists. */
    public MissionWire.Detail migrateWorkflow(String missionId) {
        MissionEntity m = store.find(missionId);
        Path workflow = Path.of(m.repoRoot).resolve(MissionService.WORKFLOW_FILE);
        Path file = MissionConfigs.file(m);
        if (!Files.isRegularFile(workflow)) {
            throw ErrorCode.NOT_FOUND.error(MissionService.WORKFLOW_FILE + " not found in " + m.repoRoot);
        }
        if (Files.exists(file)) {
            throw ErrorCode.CONFLICT.error(file.getFileName() + " already exists in " + m.repoRoot);
        }
        String migrated;
        try {
            migrated = WorkflowMigration.migrate(read(workflow));
        } catch (MissionFileException e) {
            throw e.toApiException();
        }
        write(file, migrated);
        return reparsed(m.id, file);
    }

    /** PUT …/settings: a partial merge into the front matter that keeps unknown keys and the body. */
    public MissionWire.Detail settings(String missionId, SettingsPatch patch) {
        MissionEntity m = store.find(missionId);
        Path file = MissionConfigs.file(m);
        String current = Files.isRegularFile(file) ? read(file) : null;
        String next;
        try {
            next = MissionFile.applySettings(current, patch);
        } catch (MissionFileException e) {
            throw e.toApiException();
        }
        write(file, next);
        return reparsed(m.id, file);
    }

    /**
     * A tracker's webhook: the signature is checked over the raw body, a delivery seen before changes
     * nothing, and a new one only asks the leader for a poll (which re-reads the tracker); it never
     * dispatches by itself.
     *
     * @return true for a new delivery, false for a redelivery
     */
    public boolean webhook(String missionId, String source, String signature, String deliveryId, byte[] rawBody) {
        MissionEntity m = store.find(missionId);
        String secret = missions.webhookSecret(m.id).orElseThrow(() -> ErrorCode.FORBIDDEN.error(
                "mission " + m.id + " has no webhook secret; set one with PUT …/webhook-secret"));
        long now = System.currentTimeMillis();
        WebhookSignatures.Verdict v = "linear".equals(source)
                ? WebhookSignatures.linear(signature, rawBody, secret, now, WebhookSignatures.LINEAR_MAX_AGE_MS)
                : WebhookSignatures.github(signature, rawBody, secret);
        if (!v.valid()) {
            throw ErrorCode.UNAUTHORIZED.error("webhook signature: " + v.reason());
        }
        String id = deliveryId != null && !deliveryId.isBlank() && deliveryId.length() <= 255 ? deliveryId
                : sha256(rawBody);
        try {
            return missions.recordDelivery(source, id, m.id);
        } catch (RuntimeException raced) {
            if (missions.deliverySeen(source, id)) {
                return false;
            }
            throw raced;
        }
    }

    private MissionWire.Detail reparsed(String missionId, Path file) {
        store.recordParse(missionId, read(file), System.currentTimeMillis());
        return missions.detail(missionId);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ErrorCode.INVALID_REQUEST.error("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a MISSION.md. */
    static void write(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".mission", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "cannot write " + file.getFileName() + ": " + e.getMessage());
        }
    }

    static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
