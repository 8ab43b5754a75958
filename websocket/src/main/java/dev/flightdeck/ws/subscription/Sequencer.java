package dev.flightdeck.ws.subscription;

import dev.flightdeck.core.event.Revisioned;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Puts after-commit events back into revision order per scope. Transactions commit in revision order
 * (the counter row lock sees to that), but their after-commit observers run on their own threads and
 * may arrive in any order.
 */
final class Sequencer {
    private static final class ScopeState {
        long last = -1;
        final TreeMap<Long, Revisioned> held = new TreeMap<>();
        long heldSince;
    }

    private final Map<String, ScopeState> scopes = new ConcurrentHashMap<>();

    void accept(Revisioned event, Consumer<Revisioned> out) {
        ScopeState s = scopes.computeIfAbsent(event.scope(), k -> new ScopeState());
        synchronized (s) {
            if (s.last < 0) {
                s.last = event.revision() - 1;
            }
            if (event.revision() <= s.last) {
                return;
            }
            s.held.put(event.revision(), event);
            release(s, out);
        }
    }

    /**
     * Gives up waiting for revisions held back longer than {@code maxWaitMs}: their gap was filled by
     * another node sharing the database, whose events this node never sees.
     */
    void releaseStale(long now, long maxWaitMs, Consumer<Revisioned> out) {
        for (ScopeState s : scopes.values()) {
            synchronized (s) {
                if (!s.held.isEmpty() && now - s.heldSince >= maxWaitMs) {
                    while (!s.held.isEmpty()) {
                        s.last = s.held.firstKey() - 1;
                        release(s, out);
                    }
                }
            }
        }
    }

    private static void release(ScopeState s, Consumer<Revisioned> out) {
        while (!s.held.isEmpty() && s.held.firstKey() == s.last + 1) {
            Revisioned next = s.held.pollFirstEntry().getValue();
            s.last = next.revision();
            out.accept(next);
        }
        s.heldSince = s.held.isEmpty() ? 0 : (s.heldSince == 0 ? System.currentTimeMillis() : s.heldSince);
    }
}
