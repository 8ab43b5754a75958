package dev.flightdeck.core.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The connectors this server has, by provider. */
@ApplicationScoped
public class Connectors {
    @Inject
    @Any
    Instance<AgentConnector> all;

    /** The provider's connector, or null when this server has none for it. */
    public AgentConnector forProvider(String provider) {
        for (AgentConnector c : all) {
            if (c.provider().equals(provider)) {
                return c;
            }
        }
        return null;
    }

    /** Whether sessions of this provider can run an agent here. */
    public boolean installed(String provider) {
        AgentConnector c = forProvider(provider);
        return c != null && c.unavailableReason() == null;
    }
}
