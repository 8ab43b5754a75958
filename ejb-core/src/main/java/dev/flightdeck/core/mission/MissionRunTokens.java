package dev.flightdeck.core.mission;

import dev.flightdeck.core.auth.TokenKind;
import dev.flightdeck.core.auth.TokenService;
import dev.flightdeck.core.mission.tools.ToolGrant;
import dev.flightdeck.persistence.mission.MissionIssueEntity;
import dev.flightdeck.persistence.mission.MissionRunEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The transactional half: tokens are minted, bound and revoked in the database. */
@Stateless
public class MissionRunTokens {
    @PersistenceContext(unitName = "flightdeck")
    EntityManager em;

    @Inject
    TokenService tokens;

    @Inject
    MissionStore store;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_PUBLIC_URL")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_HOST", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_PORT", defaultValue = "4000")
    String port;

    /**
     * A fresh token for the session's open run, bound to it; the run's previous token (from an
     * earlier launch of the same session) is revoked.
     */
    public Optional<ToolGrant> grant(String sessionId) {
        MissionRunEntity run = store.openRunOf(sessionId);
        if (run == null) {
            return Optional.empty();
        }
        if (run.toolTokenId != null && tokens.isLive(run.toolTokenId)) {
            tokens.revoke(run.toolTokenId);
        }
        var minted = tokens.mint("mission run " + run.id, TokenKind.MISSION_TOOLS, null);
        run.toolTokenId = minted.id();
        return Optional.of(new ToolGrant(mcpUrl(), minted.token()));
    }

    public void statusComment(String issueRowId, String commentId) {
        MissionIssueEntity row = em.find(MissionIssueEntity.class, issueRowId);
        if (row != null) {
            row.statusCommentId = commentId;
        }
    }

    String mcpUrl() {
        String base = publicUrl.filter(u -> !u.isBlank()).orElseGet(() -> "http://"
                + ("0.0.0.0".equals(host) || "*".equals(host) ? "127.0.0.1" : host) + ":" + port);
        return base.replaceAll("/+$", "") + "/mcp";
    }
}
