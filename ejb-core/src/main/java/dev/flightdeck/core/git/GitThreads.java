package dev.flightdeck.core.git;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

/**
 * Hands {@link Git} the container's scheduled executor at startup: git's stderr is drained and its
 * timeout kept on container threads, not on threads the server cannot see or stop.
 */
@Singleton
@Startup
public class GitThreads {
    @Resource
    ManagedScheduledExecutorService executor;

    @PostConstruct
    void install() {
        Git.useThreads(executor);
    }
}
