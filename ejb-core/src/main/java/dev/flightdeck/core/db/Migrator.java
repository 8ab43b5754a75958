package dev.flightdeck.core.db;

import dev.flightdeck.persistence.event.EventLogEntity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else starts. The EAR initializes its modules in
 * order (EJB before web), so no request is served on an old schema.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Migrator {
    private static final Logger LOG = Logger.getLogger(Migrator.class.getName());

    @Resource(lookup = "jdbc/flightdeck")
    DataSource dataSource;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(EventLogEntity.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied, " + result.database + ")");
    }

    public boolean migrated() {
        return migrated;
    }
}
