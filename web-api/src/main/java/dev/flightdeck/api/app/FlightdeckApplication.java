package dev.flightdeck.api.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "Flightdeck", version = "0.1",
                description = "Control plane for AI coding agents. Speaks OrbitDock's wire contract. "
                        + "Every error is a {code, error} envelope."),
        security = @SecurityRequirement(name = "bearer"),
        tags = {
                @Tag(name = "auth", description = "API tokens"),
                @Tag(name = "sessions", description = "Session lists, detail and lifecycle"),
                @Tag(name = "conversation", description = "Rows, messages, steering, attachments and shell commands"),
                @Tag(name = "controls", description = "Turn controls: interrupt, compact, undo, rollback, rewind"),
                @Tag(name = "approvals", description = "Tool approvals, questions and permission requests"),
                @Tag(name = "forks", description = "Forking a session, in place or into a worktree"),
                @Tag(name = "capabilities", description = "Skills and MCP servers of a session's agent"),
                @Tag(name = "models", description = "Models a provider offers"),
                @Tag(name = "hooks", description = "Terminal sessions through hooks; takeover and resume"),
                @Tag(name = "review", description = "Turn diffs, the review surface and review comments"),
                @Tag(name = "worktrees", description = "Git worktrees and their safety-net snapshots"),
                @Tag(name = "filesystem", description = "Browsing allowed directories and git init"),
                @Tag(name = "server", description = "Server metadata")
        })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class FlightdeckApplication extends Application {
}
