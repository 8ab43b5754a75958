package dev.flightdeck.core.session;

import dev.flightdeck.core.connector.AgentConnector;
import dev.flightdeck.core.connector.Connectors;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.event.EventLog;
import dev.flightdeck.core.event.EventType;
import dev.flightdeck.core.event.Scope;
import dev.flightdeck.core.git.Git;
import dev.flightdeck.core.session.machine.SessionDelta;
import dev.flightdeck.core.session.machine.SessionInput;
import dev.flightdeck.core.session.machine.SessionState;
import dev.flightdeck.core.session.machine.SessionTransitions;
import dev.flightdeck.persistence.session.SessionEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Session persistence and the revisioned events each change produces. Every mutation runs in one
 * transaction: the row change, the session revision, the list revision and both log entries commit
 * together or not at all, and only then are they broadcast.
 */
@Stateless
public class SessionService {
    /** OrbitDock's summary shows the five most recently ended sessions. */
    static final int RECENT_LIMIT = 5;
    static final int MAX_INSTRUCTIONS = 256 * 1024;

    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    Connectors connectors;

    @Inject
    dev.flightdeck.core.config.DataDir dataDir;

    @Inject
    dev.flightdeck.core.worktree.WorktreeService worktrees;

    @Inject
    dev.flightdeck.core.codex.CodexCapabilities codexCapabilities;

    @Inject
    SessionTransitions transitions;

    @Inject
    dev.flightdeck.core.conversation.ConversationService conversation;

    @Inject
    dev.flightdeck.core.review.ReviewSurface turnDiffs;

    @Inject
    dev.flightdeck.core.approval.ApprovalService approvals;

    @Inject
    dev.flightdeck.core.subagent.SubagentService subagents;

    @Inject
    dev.flightdeck.core.settings.ServerPreferences preferences;

    public SessionWire.Created create(CreateSession req) {
        String provider = req.provider();
        Path dir = req.cwd();
        if (!Files.isDirectory(dir)) {
            throw ApiException.invalidField("cwd", "must be an existing directory (absolute path)");
        }
        String id = req.sessionId() != null ? req.sessionId() : "od-" + UUID.randomUUID();
        if (req.sessionId() != null && em.find(SessionEntity.class, id) != null) {
            throw ErrorCode.SESSION_EXISTS.error("session_id: " + id + " already exists");
        }
        JsonObject config = req.config();
        AgentConnector connector = connectors.forProvider(provider);
        if (connector != null && connector.unavailableReason() != null) {
            // Refused before anything is written: a session that could never run is not created.
            throw ErrorCode.CONNECTOR_START_FAILED.error(connector.unavailableReason());
        }

        long now = System.currentTimeMillis();
        SessionEntity s = new SessionEntity();
        s.id = id;
        s.provider = provider;
        s.projectPath = dir.normalize().toString();
        s.projectName = SessionRules.projectName(s.projectPath);
        s.currentCwd = s.projectPath;
        s.status = SessionStatus.ACTIVE;
        s.workStatus = WorkStatus.WAITING;
        s.controlMode = ControlMode.DIRECT;
        s.startedAt = now;
        s.lastActivityAt = now;
        String prompt = req.initialPrompt();
        if (prompt != null) {
            // first_prompt feeds titles and lists, so it is bounded like the summary.
            s.firstPrompt = prompt.length() > SessionTexts.MAX_SUMMARY ? prompt.substring(0, SessionTexts.MAX_SUMMARY) : prompt;
        }
        applyConfig(s, SessionConfig.withDefaults(provider, config, preferences.codexDefaultConfigSource()));
        recordBase(s, dir);
        try {
            em.persist(s);
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // Two creates raced for the same explicit session_id; the other one won.
            throw ErrorCode.SESSION_EXISTS.error("session_id: " + id + " already exists");
        }
        log.createScope(Scope.session(id));
        long revision = publishDelta(s, SessionDelta.created(SessionState.of(s, connectors.installed(s.provider))));
        return new SessionWire.Created(id, SessionViews.summary(s, revision, connectors.installed(s.provider)));
    }

    /**
     * Where the session's changes are measured from, when it works in a git repository: HEAD (the
     * cumulative diff's base) and its working files with untracked ones (the first turn's base).
     */
    public void recordBase(SessionEntity s, Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            Git.State state = Git.state(dir, dataDir.scratch());
            if (state == null) {
                return;
            }
            s.repositoryRoot = (state.repoRoot() != null ? state.repoRoot() : state.top()).toString();
            s.baseSha = state.head();
            s.baseTree = state.tree();
            s.worktreeId = worktrees.containing(dir.toRealPath());
        } catch (RuntimeException | java.io.IOException e) {
            // A repository git cannot read leaves the session without diffs, not without a session.
            java.util.logging.Logger.getLogger(SessionService.class.getName())
                    .warning("reading git state of " + dir + " failed: " + e.getMessage());
        }
    }

    /** Detail with the newest page of rows and the captured turn diffs, as the caller asks (contract §1.3). */
    public SessionWire.Detail detail(String id, boolean includeMessages, boolean includeDiffs) {
        if (!includeMessages && !includeDiffs) {
            return detail(id);
        }
        long revision = log.current(Scope.session(id));
        SessionEntity s = find(id);
        List<Object> rows = List.of();
        boolean more = s.rowCount > 0;
        if (includeMessages) {
            var page = conversation.page(id, dev.flightdeck.core.conversation.ConversationService.PAGE_DEFAULT, null);
            rows = List.copyOf(page.rows());
            more = page.hasMoreBefore();
        }
        List<Object> diffs = includeDiffs ? List.copyOf(turnDiffs.turnDiffs(id)) : List.of();
        return new SessionWire.Detail(revision, SessionViews.state(s, revision, connectors.installed(s.provider), rows,
                diffs, more, List.copyOf(subagents.shown(id))));
    }

    public SessionWire.Detail detail(String id) {
        long revision = log.current(Scope.session(id));
        SessionEntity s = find(id);
        return new SessionWire.Detail(revision, SessionViews.state(s, revision, connectors.installed(s.provider),
                List.of(), List.of(), s.rowCount > 0, List.copyOf(subagents.shown(id))));
    }

    /** The session as lists show it, with its detail. */
    public SessionWire.Resumed resumed(String id) {
        SessionWire.Detail detail = detail(id);
        SessionEntity s = find(id);
        return new SessionWire.Resumed(id, SessionViews.summary(s, detail.revision(), connectors.installed(s.provider)),
                detail);
    }

    public SessionWire.ControlsView controls(String id) {
        SessionEntity s = find(id);
        return new SessionWire.ControlsView(id, s.provider, dev.flightdeck.core.agent.AgentRules.controls(
                SessionViews.facts(s, connectors.installed(s.provider))));
    }

    /** Controls, instructions and collaboration modes (Codex's presets; Claude has none). */
    public SessionWire.Runtime runtime(String id) {
        SessionEntity s = find(id);
        JsonObject config = SessionConfig.parse(s.configJson);
        SessionWire.Instructions instructions = new SessionWire.Instructions(
                "claude".equals(s.provider) ? projectInstructions(Path.of(s.currentCwd)) : null, null,
                SessionConfig.stringOrNull(config, "developer_instructions"));
        return new SessionWire.Runtime(id, s.provider, dev.flightdeck.core.agent.AgentRules.controls(
                SessionViews.facts(s, connectors.installed(s.provider))), instructions,
                "codex".equals(s.provider) ? codexCapabilities.collaborationModes() : List.of());
    }

    /** The project's CLAUDE.md as Claude Code reads it from the working directory; bounded, null if absent. */
    static String projectInstructions(Path cwd) {
        for (Path p : List.of(cwd.resolve("CLAUDE.md"), cwd.resolve(".claude").resolve("CLAUDE.md"))) {
            try {
                if (Files.isRegularFile(p) && Files.size(p) <= MAX_INSTRUCTIONS) {
                    return Files.readString(p);
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return null;
            }
        }
        return null;
    }

    public record RecentProject(String path, long sessionCount, String lastActive) {
    }

    public record RecentProjects(List<RecentProject> projects) {
    }

    /** Projects that had sessions, the most recently active first. */
    public RecentProjects recentProjects() {
        List<Object[]> rows = em.createQuery("SELECT s.projectPath, COUNT(s), MAX(s.lastActivityAt) FROM SessionEntity s "
                + "GROUP BY s.projectPath ORDER BY MAX(s.lastActivityAt) DESC", Object[].class).setMaxResults(50).getResultList();
        return new RecentProjects(rows.stream().map(r -> new RecentProject((String) r[0], ((Number) r[1]).longValue(),
                r[2] == null ? null : dev.flightdeck.core.time.Times.iso(((Number) r[2]).longValue()))).toList());
    }

    public SessionWire.Summary summary() {
        long revision = log.current(Scope.SESSIONS);
        List<SessionEntity> active = em.createNamedQuery("Session.findActive", SessionEntity.class).getResultList();
        List<SessionEntity> recent = em.createNamedQuery("Session.findEnded", SessionEntity.class)
                .setMaxResults(RECENT_LIMIT).getResultList();
        long total = em.createNamedQuery("Session.countAll", Long.class).getSingleResult();
        SessionWire.Counts activeCounts = SessionViews.counts(active);
        SessionWire.Counts counts = new SessionWire.Counts((int) total, activeCounts.active(), activeCounts.working(),
                activeCounts.attention(), activeCounts.ready());
        return new SessionWire.Summary(revision, counts, listItems(active), listItems(recent));
    }

    public SessionWire.Active active() {
        long revision = log.current(Scope.SESSIONS);
        List<SessionEntity> active = em.createNamedQuery("Session.findActive", SessionEntity.class).getResultList();
        return new SessionWire.Active(revision, active.stream().map(SessionViews::conversation).toList(),
                SessionViews.dashboardCounts(active), SessionViews.projectGroups(active));
    }

    public SessionWire.Archive archive(int limit, int offset) {
        long revision = log.current(Scope.SESSIONS);
        long total = em.createNamedQuery("Session.countEnded", Long.class).getSingleResult();
        List<SessionEntity> page = em.createNamedQuery("Session.findEnded", SessionEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        Integer next = offset + page.size() < total ? offset + page.size() : null;
        return new SessionWire.Archive(revision, listItems(page), next, total);
    }

    public SessionWire.Detail patchConfig(String id, ConfigPatch patch) {
        SessionEntity s = lock(id);
        JsonObject before = currentConfig(s);
        JsonObject after = SessionConfig.merge(before, patch.toJson());
        JsonObject changes = SessionConfig.changes(before, after);
        if (!changes.isEmpty()) {
            applyConfig(s, after);
            publishDelta(s, changes);
        }
        return detail(id);
    }

    public SessionWire.ReadResult markRead(String id) {
        if (id == null || em.find(SessionEntity.class, id) == null) {
            throw ErrorCode.SESSION_NOT_FOUND.error("no session " + id);
        }
        transitions.apply(id, new SessionInput.MarkedRead(), System.currentTimeMillis());
        return new SessionWire.ReadResult(id, 0);
    }

    /** @param name the new name; null or blank clears it */
    public SessionWire.Accepted rename(String id, String name) {
        transitions.apply(id, new SessionInput.Renamed(name), System.currentTimeMillis());
        return accepted(id);
    }

    /** @param summary the new summary; null or blank clears it */
    public SessionWire.Accepted setSummary(String id, String summary) {
        transitions.apply(id, new SessionInput.SummarySet(summary), System.currentTimeMillis());
        return accepted(id);
    }

    public SessionWire.Accepted end(String id) {
        transitions.apply(id, new SessionInput.Ended("user_requested", approvals.pendingCount(id)),
                System.currentTimeMillis());
        return accepted(id);
    }

    private SessionWire.Accepted accepted(String id) {
        return new SessionWire.Accepted(true, detail(id));
    }

    /** Logs a session_delta and the list change it implies; returns the new session revision. */
    public long publishDelta(SessionEntity s, JsonObject changes) {
        String id = s.id;
        long revision = log.append(Scope.session(id), EventType.SESSION_DELTA,
                rev -> new SessionWire.Delta(EventType.SESSION_DELTA.wire(), id, rev, changes));
        listChanged(id);
        return revision;
    }

    private void listChanged(String id) {
        log.append(Scope.SESSIONS, EventType.SESSIONS_CHANGED,
                rev -> new SessionWire.ListChanged(EventType.SESSIONS_CHANGED.wire(), id, rev));
    }

    /** The session, read without a lock; 404 when there is none. */
    public SessionEntity find(String id) {
        SessionEntity s = id == null ? null : em.find(SessionEntity.class, id);
        if (s == null) {
            throw ErrorCode.NOT_FOUND.error("no session " + id);
        }
        return s;
    }

    /** Loads for update, so concurrent mutations of one session apply one after the other. */
    public SessionEntity lock(String id) {
        SessionEntity s = id == null ? null : em.find(SessionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ErrorCode.NOT_FOUND.error("no session " + id);
        }
        return s;
    }

    private static JsonObject currentConfig(SessionEntity s) {
        JsonObject stored = SessionConfig.parse(s.configJson);
        return s.model == null ? stored : Json.createObjectBuilder(stored).add("model", s.model).build();
    }

    /** Stores settings; the model lives in its own column because lists show it. */
    private static void applyConfig(SessionEntity s, JsonObject config) {
        s.model = SessionConfig.stringOrNull(config, "model");
        s.configJson = Json.createObjectBuilder(config).remove("model").build().toString();
    }

    /** List items carry their session's revision as summary_revision. */
    private List<SessionWire.SessionListItem> listItems(List<SessionEntity> sessions) {
        java.util.Map<String, Long> revisions = log.currentMany(sessions.stream().map(s -> Scope.session(s.id)).toList());
        return sessions.stream()
                .map(s -> SessionViews.listItem(s, revisions.getOrDefault(Scope.session(s.id), 0L))).toList();
    }

}
