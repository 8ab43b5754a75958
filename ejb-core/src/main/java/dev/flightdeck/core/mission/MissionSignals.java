package dev.flightdeck.core.mission;

import dev.flightdeck.core.agent.TurnEnded;
import dev.flightdeck.core.mission.machine.IssueEvent;
import dev.flightdeck.persistence.mission.MissionRunEntity;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears at once that a run's turn is over, so a finished run completes, a failed one is retried and
 * an idle one is nudged without waiting for the next poll. Handled off the agent's own thread: ending
 * the session stops that very agent. A signal lost in a crash is caught by the scheduler's watch.
 */
@ApplicationScoped
public class MissionSignals {
    private static final Logger LOG = Logger.getLogger(MissionSignals.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    MissionStore store;

    @Inject
    MissionIssues issues;

    @Inject
    MissionEffects effects;

    void onTurnEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) TurnEnded ended) {
        executor.execute(() -> {
            try {
                MissionRunEntity run = store.openRunOf(ended.sessionId());
                if (run == null || "interrupted".equals(ended.outcome())) {
                    return;
                }
                // Spending is counted with the turn that just ended; a run over budget stops before any nudge.
                var mission = store.find(run.missionId);
                var over = Budgets.exceeded(MissionConfigs.inForce(mission).config().budget(), store.used(run.missionIssueId));
                if (over.isPresent()) {
                    effects.run(issues.apply(run.missionIssueId, new IssueEvent.BudgetExceeded(over.get()), null));
                    return;
                }
                boolean clean = "completed".equals(ended.outcome());
                String detail = clean ? null : "the agent's turn " + ("exited".equals(ended.outcome()) ? "ended: " : "failed: ")
                        + (ended.detail() == null || ended.detail().isBlank() ? ended.outcome() : ended.detail());
                effects.run(issues.apply(run.missionIssueId, new IssueEvent.RunEnded(clean, detail), null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "mission signal for session " + ended.sessionId() + " failed", e);
            }
        });
    }
}
