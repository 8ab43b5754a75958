package dev.flightdeck.core.worktree;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On boot, brings every tracked worktree in line with disk and git (a worktree removed by hand while
 * the server was down shows as orphaned), in the background so startup does not wait on git.
 */
@Singleton
@Startup
@DependsOn("GitThreads")
public class WorktreeReconciler {
    private static final Logger LOG = Logger.getLogger(WorktreeReconciler.class.getName());

    @EJB
    WorktreeService worktrees;

    @EJB
    WorktreeOperations operations;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void boot() {
        executor.execute(() -> {
            try {
                for (String repo : worktrees.trackedRepos()) {
                    operations.reconcile(repo, false);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reconciling worktrees at boot failed", e);
            }
        });
    }
}
