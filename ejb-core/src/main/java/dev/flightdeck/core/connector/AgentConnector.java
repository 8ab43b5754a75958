package dev.flightdeck.core.connector;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Attaches a session to one agent runtime. A connector only does I/O: it starts the process, turns
 * what the process prints into {@link AgentEvent}s (through a pure mapper) and writes the actions it
 * is given. What those events mean for the session is decided by the runtime, not here.
 */
public interface AgentConnector {
    /** The provider name sessions carry: claude or codex. */
    String provider();

    /** Null when the agent can be started here; otherwise what the operator must install. */
    String unavailableReason();

    /** Which executable sessions of this provider run, and how it was found. */
    Executables.Located locate();

    /** The CLI version the build installs and the tests run against. */
    String pinnedVersion();

    /**
     * Starts the agent in {@code spec.cwd()} in a process group of its own. Events arrive on one
     * thread, in the order the agent produced them, ending with {@link AgentEvent.Exited} on its own.
     * What the agent printed in one burst comes as one batch, so it can be applied in one transaction.
     */
    AgentHandle start(LaunchSpec spec, Consumer<List<AgentEvent>> events) throws IOException;
}
