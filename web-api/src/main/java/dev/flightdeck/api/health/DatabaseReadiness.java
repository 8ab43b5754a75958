package dev.flightdeck.api.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers. Says nothing about where it is. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Resource(lookup = "jdbc/flightdeck")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            return HealthCheckResponse.named("database").status(c.isValid(2)).build();
        } catch (SQLException e) {
            return HealthCheckResponse.down("database");
        }
    }
}
