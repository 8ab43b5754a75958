package dev.flightdeck.core.mission;

import dev.flightdeck.core.mission.config.MissionConfig;
import java.math.BigDecimal;
import java.util.Optional;

/** Whether an issue has used up its budget (tokens, USD, sessions over all its runs). Pure. */
public final class Budgets {
    private Budgets() {
    }

    /** Spending so far, the running session included. */
    public record Used(long tokens, double usd, int sessions) {
    }

    /** The first cap reached, as the reason shown on the issue; empty while every cap has room. */
    public static Optional<String> exceeded(MissionConfig.Budget b, Used used) {
        if (b.maxTokens() != null && used.tokens() >= b.maxTokens()) {
            return Optional.of("budget: " + used.tokens() + " tokens used of " + b.maxTokens());
        }
        if (b.maxUsd() != null && BigDecimal.valueOf(used.usd()).compareTo(b.maxUsd()) >= 0) {
            return Optional.of("budget: $" + String.format(java.util.Locale.ROOT, "%.4f", used.usd()) + " used of $"
                    + b.maxUsd().toPlainString());
        }
        return Optional.empty();
    }

    /** Whether another session may start: max_sessions counts every session ever started for the issue. */
    public static Optional<String> noSessionLeft(MissionConfig.Budget b, int sessionsStarted) {
        if (b.maxSessions() != null && sessionsStarted >= b.maxSessions()) {
            return Optional.of("budget: " + sessionsStarted + " sessions used of " + b.maxSessions());
        }
        return Optional.empty();
    }

    /**
     * The first cap whose warning threshold spending has crossed, as the words shown to the operator
     * (on the issue) and to the agent (in mission_get_issue); empty below every threshold.
     */
    public static Optional<String> warning(MissionConfig.Budget b, Used used) {
        String at = " (warning at " + Math.round(b.warnAt() * 100) + "%)";
        if (b.maxTokens() != null && used.tokens() >= b.maxTokens() * b.warnAt()) {
            return Optional.of("budget: " + used.tokens() + " of " + b.maxTokens() + " tokens used" + at);
        }
        if (b.maxUsd() != null && used.usd() >= b.maxUsd().doubleValue() * b.warnAt()) {
            return Optional.of("budget: $" + String.format(java.util.Locale.ROOT, "%.4f", used.usd()) + " of $"
                    + b.maxUsd().toPlainString() + " used" + at);
        }
        if (b.maxSessions() != null && used.sessions() >= b.maxSessions() * b.warnAt()) {
            return Optional.of("budget: " + used.sessions() + " of " + b.maxSessions() + " sessions used" + at);
        }
        return Optional.empty();
    }
}
