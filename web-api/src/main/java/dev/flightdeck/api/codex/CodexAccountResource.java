package dev.flightdeck.api.codex;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.core.codex.account.AccountViews;
import dev.flightdeck.core.codex.account.CodexAccount;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Codex account and its ChatGPT login (contract §1.12), through Codex's app-server. */
@Path("/api/codex")
@Tag(name = "codex")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "503", description = "codex_auth_error: Codex is not installed or refused",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "504", description = "timeout", content = @Content(schema = @Schema(ref = "Error")))
public class CodexAccountResource {
    @Inject
    CodexAccount account;

    @GET
    @Path("account")
    @Operation(summary = "Who Codex is logged in as (account/read)")
    @APIResponse(responseCode = "200", description = "Status",
            content = @Content(schema = @Schema(ref = "CodexAccountStatusView")))
    public AccountViews.StatusView account(@QueryParam("refresh_token") String refreshToken) {
        return account.account("true".equalsIgnoreCase(refreshToken) || "1".equals(refreshToken));
    }

    @POST
    @Path("login/start")
    @Operation(summary = "Start a ChatGPT login; open auth_url in a browser on the server's machine")
    @APIResponse(responseCode = "200", description = "Login started",
            content = @Content(schema = @Schema(ref = "CodexLoginStarted")))
    public AccountViews.LoginStarted start() {
        return account.startLogin();
    }

    @POST
    @Path("login/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a login started here: canceled, not_found or invalid_id")
    @APIResponse(responseCode = "200", description = "Cancel status",
            content = @Content(schema = @Schema(ref = "CodexLoginCanceled")))
    @APIResponse(responseCode = "400", description = "invalid_argument: login_id missing",
            content = @Content(schema = @Schema(ref = "Error")))
    public AccountViews.LoginCanceled cancel(JsonValue body) {
        return account.cancelLogin(Bodies.argument(body, "login_id"));
    }

    @POST
    @Path("logout")
    @Operation(summary = "Log Codex out; broadcasts codex_account_updated")
    @APIResponse(responseCode = "200", description = "Status after logout",
            content = @Content(schema = @Schema(ref = "CodexAccountStatusView")))
    public AccountViews.StatusView logout() {
        return account.logout();
    }
}
