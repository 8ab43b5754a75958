package dev.flightdeck.api.health;

import dev.flightdeck.core.db.Migrator;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema migrations have run. */
@Startup
@ApplicationScoped
public class SchemaStarted implements HealthCheck {
    @EJB
    Migrator migrator;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema").status(migrator.migrated()).build();
    }
}
