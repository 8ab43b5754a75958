package dev.flightdeck.core.session.machine;

import dev.flightdeck.persistence.session.SessionEntity;

/**
 * The part of a session its transitions read and change: the session row's mutable columns, plus the
 * identity fields the derived wire fields need. A transition works on a {@link #copy()} and never
 * changes the state it was given, so "before" stays intact for the delta.
 */
public final class SessionState implements Cloneable {
    static final int MAX_TEXT = 10_000;

    public String id;
    public String provider;
    public String projectName;
    public String projectPath;
    /** Not a column: whether this node has the provider's CLI, which the derived flags need. */
    public boolean connectorInstalled;

    public String status;
    public String workStatus;
    public String controlMode;
    public String currentTurnId;
    public int turnCount;
    public int turnSeq;
    public int promptCount;
    public int toolCount;
    /** Not a column: the title of the newest tool call, announced once when it starts. */
    public String lastTool;
    public String lastMessage;
    public String firstPrompt;
    public String model;
    public String customName;
    public String summary;
    public String attentionReason;
    public Long endedAt;
    public String endReason;
    public String providerSessionId;
    public String resumeAt;
    public String forkFromProviderId;
    public Long providerPid;
    public String connectorNode;
    public long lastActivityAt;
    public Long lastProgressAt;
    public int unreadCount;
    public long approvalVersion;
    public String forkedFromSessionId;
    /** Effects own these (usage recording, diff capture): transitions only read them. */
    public double totalCostUsd;
    public boolean hasTurnDiff;

    public static SessionState of(SessionEntity e, boolean connectorInstalled) {
        SessionState s = new SessionState();
        s.id = e.id;
        s.provider = e.provider;
        s.projectName = e.projectName;
        s.projectPath = e.projectPath;
        s.connectorInstalled = connectorInstalled;
        s.status = e.status;
        s.workStatus = e.workStatus;
        s.controlMode = e.controlMode;
        s.currentTurnId = e.currentTurnId;
        s.turnCount = e.turnCount;
        s.turnSeq = e.turnSeq;
        s.promptCount = e.promptCount;
        s.toolCount = e.toolCount;
        s.lastMessage = e.lastMessage;
        s.firstPrompt = e.firstPrompt;
        s.model = e.model;
        s.customName = e.customName;
        s.summary = e.summary;
        s.attentionReason = e.attentionReason;
        s.endedAt = e.endedAt;
        s.endReason = e.endReason;
        s.providerSessionId = e.claudeSessionId;
        s.resumeAt = e.resumeAt;
        s.forkFromProviderId = e.forkFromProviderId;
        s.providerPid = e.providerPid;
        s.connectorNode = e.connectorNode;
        s.lastActivityAt = e.lastActivityAt;
        s.lastProgressAt = e.lastProgressAt;
        s.unreadCount = e.unreadCount;
        s.approvalVersion = e.approvalVersion;
        s.totalCostUsd = e.totalCostUsd;
        s.forkedFromSessionId = e.forkedFromSessionId;
        s.hasTurnDiff = e.hasTurnDiff;
        return s;
    }

    /** Writes the columns back; identity fields and counters effects own (rows, tokens) are left alone. */
    public void writeTo(SessionEntity e) {
        e.status = status;
        e.workStatus = workStatus;
        e.controlMode = controlMode;
        e.currentTurnId = currentTurnId;
        e.turnCount = turnCount;
        e.turnSeq = turnSeq;
        e.promptCount = promptCount;
        e.toolCount = toolCount;
        e.lastMessage = lastMessage;
        e.firstPrompt = firstPrompt;
        e.model = model;
        e.customName = customName;
        e.summary = summary;
        e.attentionReason = attentionReason;
        e.endedAt = endedAt;
        e.endReason = endReason;
        e.claudeSessionId = providerSessionId;
        e.resumeAt = resumeAt;
        e.forkFromProviderId = forkFromProviderId;
        e.providerPid = providerPid;
        e.connectorNode = connectorNode;
        e.lastActivityAt = lastActivityAt;
        e.lastProgressAt = lastProgressAt;
        e.unreadCount = unreadCount;
        e.approvalVersion = approvalVersion;
        e.forkedFromSessionId = forkedFromSessionId;
    }

    /** This state with what the effects changed on the row since (token totals, diffs). */
    public SessionState withEffectsOf(SessionEntity e) {
        SessionState s = copy();
        s.totalCostUsd = e.totalCostUsd;
        s.hasTurnDiff = e.hasTurnDiff;
        return s;
    }

    public SessionState copy() {
        try {
            return (SessionState) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public boolean active() {
        return dev.flightdeck.core.session.SessionStatus.ACTIVE.equals(status);
    }

    public boolean direct() {
        return dev.flightdeck.core.session.ControlMode.DIRECT.equals(controlMode);
    }

    /** The facts the agent rules read. */
    public dev.flightdeck.core.agent.AgentRules.Facts facts() {
        return new dev.flightdeck.core.agent.AgentRules.Facts(provider, direct(), active(), connectorInstalled,
                providerPid != null, currentTurnId != null, workStatus, turnCount);
    }

    /** Starts the next turn: a new id that no earlier turn, even a rolled-back one, had. */
    void openTurn() {
        turnSeq++;
        turnCount++;
        currentTurnId = dev.flightdeck.core.agent.AgentRules.turnId(turnSeq);
    }

    void closeTurn(long now) {
        currentTurnId = null;
        if (active()) {
            workStatus = dev.flightdeck.core.agent.AgentRules.afterTurn();
        }
        lastActivityAt = now;
    }

    static String clip(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
