package dev.flightdeck.api.openapi;

import dev.flightdeck.api.error.ErrorBody;
import dev.flightdeck.core.auth.TokenWire;
import dev.flightdeck.core.server.ServerMeta;
import dev.flightdeck.core.session.SessionConfig;
import dev.flightdeck.core.session.SessionWire;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Adds the wire records' schemas to the OpenAPI document. Liberty indexes only the web module, and
 * the records live in the EJB module beside the services that build them, so their schemas are
 * derived here from the records themselves, snake_case as JSON-B writes them.
 */
public class WireSchemas implements OASModelReader {
    /** Every record that crosses the wire, by the schema name the resources refer to. */
    static final Map<String, Class<?>> RECORDS = new LinkedHashMap<>();

    static {
        RECORDS.put("Error", ErrorBody.class);
        RECORDS.put("TokenCreateRequest", TokenWire.CreateRequest.class);
        RECORDS.put("TokenCreated", TokenWire.Created.class);
        RECORDS.put("TokenInfo", TokenWire.Info.class);
        RECORDS.put("TokenList", TokenWire.TokenList.class);
        RECORDS.put("TokenRevoked", TokenWire.Revoked.class);
        RECORDS.put("ServerMeta", ServerMeta.Meta.class);
        RECORDS.put("AgentInfo", ServerMeta.AgentInfo.class);
        RECORDS.put("TokenUsage", SessionWire.TokenUsage.class);
        RECORDS.put("SessionSummary", SessionWire.SessionSummary.class);
        RECORDS.put("SessionListItem", SessionWire.SessionListItem.class);
        RECORDS.put("DashboardConversationItem", SessionWire.DashboardConversation.class);
        RECORDS.put("SessionState", SessionWire.SessionState.class);
        RECORDS.put("SessionDetailSnapshot", SessionWire.Detail.class);
        RECORDS.put("Accepted", SessionWire.Accepted.class);
        RECORDS.put("SessionCreated", SessionWire.Created.class);
        RECORDS.put("ReadResult", SessionWire.ReadResult.class);
        RECORDS.put("SessionCounts", SessionWire.Counts.class);
        RECORDS.put("SessionsSummary", SessionWire.Summary.class);
        RECORDS.put("DashboardCounts", SessionWire.DashboardCounts.class);
        RECORDS.put("ProjectGroup", SessionWire.ProjectGroup.class);
        RECORDS.put("ActiveSessions", SessionWire.Active.class);
        RECORDS.put("ArchivedSessions", SessionWire.Archive.class);
        RECORDS.put("KeyRequest", dev.flightdeck.api.trackerkey.TrackerKeyResource.KeyRequest.class);
        RECORDS.put("KeyConfigured", dev.flightdeck.api.trackerkey.TrackerKeyResource.Configured.class);
        RECORDS.put("TrackerKeyStatus", dev.flightdeck.api.trackerkey.TrackerKeyResource.KeyStatus.class);
        RECORDS.put("TrackerKeysStatus", dev.flightdeck.api.trackerkey.TrackerKeyResource.TrackerKeysStatus.class);
        RECORDS.put("MissionDefaults", dev.flightdeck.api.trackerkey.TrackerKeyResource.MissionDefaultsBody.class);
        RECORDS.put("ClaudeModels", dev.flightdeck.core.claude.ClaudeModels.Models.class);
        RECORDS.put("ClaudeModel", dev.flightdeck.core.claude.ClaudeModels.Model.class);
        RECORDS.put("CodexAccountStatusView", dev.flightdeck.core.codex.account.AccountViews.StatusView.class);
        RECORDS.put("CodexAccountStatus", dev.flightdeck.core.codex.account.AccountViews.Status.class);
        RECORDS.put("CodexAccount", dev.flightdeck.core.codex.account.AccountViews.Account.class);
        RECORDS.put("CodexLoginStarted", dev.flightdeck.core.codex.account.AccountViews.LoginStarted.class);
        RECORDS.put("CodexLoginCanceled", dev.flightdeck.core.codex.account.AccountViews.LoginCanceled.class);
        RECORDS.put("CodexConfigWritten", dev.flightdeck.core.codex.config.ConfigViews.Written.class);
        // Server settings (contract §1.10) and workspace sync (§1.13).
        RECORDS.put("ClientPrimaryClaim", dev.flightdeck.core.server.ServerState.Claim.class);
        RECORDS.put("ClientPrimaryClaimRequest", dev.flightdeck.api.server.ClientClaimResource.ClaimRequest.class);
        RECORDS.put("ServerRole", dev.flightdeck.api.server.ServerSettingsResource.Role.class);
        RECORDS.put("SettingConfigured", dev.flightdeck.api.server.ServerSettingsResource.Configured.class);
        RECORDS.put("OpenAiKeyRequest", dev.flightdeck.api.server.ServerSettingsResource.OpenAiKeyRequest.class);
        RECORDS.put("WorkspaceProvider", dev.flightdeck.api.server.ServerSettingsResource.Provider.class);
        RECORDS.put("ConfigValueRequest", dev.flightdeck.api.server.ServerSettingsResource.ConfigValueRequest.class);
        RECORDS.put("WorkspaceProviderConfig", dev.flightdeck.core.settings.WorkspaceProviders.ConfigValue.class);
        RECORDS.put("WorkspaceProviderTest", dev.flightdeck.core.settings.WorkspaceProviders.TestResult.class);
        RECORDS.put("UpdateStatus", dev.flightdeck.core.server.UpdateRules.Status.class);
        RECORDS.put("UpdateChannel", dev.flightdeck.api.server.ServerSettingsResource.Channel.class);
        RECORDS.put("UpgradeRequest", dev.flightdeck.api.server.ServerSettingsResource.UpgradeRequest.class);
        RECORDS.put("CodexPreferences", dev.flightdeck.api.server.ServerSettingsResource.CodexPreferences.class);
        RECORDS.put("SyncCommandEntry", dev.flightdeck.api.sync.SyncResource.SyncCommandEntry.class);
        RECORDS.put("SyncRequest", dev.flightdeck.api.sync.SyncResource.SyncRequest.class);
        RECORDS.put("SyncAcked", dev.flightdeck.core.sync.SyncWire.Acked.class);
        RECORDS.put("Workspace", dev.flightdeck.core.sync.SyncWire.Workspace.class);
        RECORDS.put("WorkspaceWithToken", dev.flightdeck.core.sync.SyncWire.WithToken.class);
        RECORDS.put("WorkspaceCreateRequest", dev.flightdeck.api.sync.WorkspaceResource.WorkspaceCreateRequest.class);
        // Usage (contract §1.11).
        RECORDS.put("UsageTokens", dev.flightdeck.core.usage.UsageWire.Tokens.class);
        RECORDS.put("UsageModelCost", dev.flightdeck.core.usage.UsageWire.ModelCost.class);
        RECORDS.put("UsageBucket", dev.flightdeck.core.usage.UsageWire.Bucket.class);
        RECORDS.put("UsageSummary", dev.flightdeck.core.usage.UsageWire.UsageSummary.class);
        RECORDS.put("UsageGroup", dev.flightdeck.core.usage.UsageWire.Group.class);
        RECORDS.put("UsageTotals", dev.flightdeck.core.usage.UsageWire.Totals.class);
        RECORDS.put("UsageBreakdown", dev.flightdeck.core.usage.UsageWire.Breakdown.class);
        RECORDS.put("UsageOverview", dev.flightdeck.core.usage.UsageWire.Overview.class);
        RECORDS.put("UsageSession", dev.flightdeck.core.usage.UsageWire.SessionUsage.class);
        RECORDS.put("UsageSessions", dev.flightdeck.core.usage.UsageWire.Sessions.class);
        RECORDS.put("UsageErrorInfo", dev.flightdeck.core.usage.UsageWire.ErrorInfo.class);
        RECORDS.put("RateLimitUsage", dev.flightdeck.core.usage.UsageWire.RateLimitUsage.class);
        // Worktrees (contract §1.14).
        RECORDS.put("WorktreeSummary", dev.flightdeck.core.worktree.WorktreeWire.Summary.class);
        RECORDS.put("WorktreeList", dev.flightdeck.core.worktree.WorktreeWire.Listing.class);
        RECORDS.put("WorktreeCreated", dev.flightdeck.core.worktree.WorktreeWire.Created.class);
        RECORDS.put("WorktreeRemoved", dev.flightdeck.core.worktree.WorktreeWire.Removed.class);
        RECORDS.put("WorktreeSnapshot", dev.flightdeck.core.worktree.WorktreeWire.Snapshot.class);
        RECORDS.put("WorktreeSnapshots", dev.flightdeck.core.worktree.WorktreeWire.Snapshots.class);
        RECORDS.put("WorktreeRestored", dev.flightdeck.core.worktree.WorktreeWire.Restored.class);
        // Missions (contract §1.15, §4 "API shapes").
        RECORDS.put("MissionSummary", dev.flightdeck.core.mission.MissionWire.Summary.class);
        RECORDS.put("MissionIssueItem", dev.flightdeck.core.mission.MissionWire.IssueItem.class);
        RECORDS.put("MissionCleanupPrompt", dev.flightdeck.core.mission.MissionWire.CleanupPrompt.class);
        RECORDS.put("Mission", dev.flightdeck.core.mission.MissionWire.Detail.class);
        RECORDS.put("MissionList", dev.flightdeck.core.mission.MissionWire.Listing.class);
        RECORDS.put("MissionOk", dev.flightdeck.core.mission.MissionWire.Ok.class);
        RECORDS.put("MissionTrackerKey", dev.flightdeck.core.mission.MissionWire.TrackerKey.class);
        RECORDS.put("MissionTemplate", dev.flightdeck.core.mission.MissionWire.Template.class);
        RECORDS.put("MissionWorktree", dev.flightdeck.core.mission.MissionWire.Worktree.class);
        RECORDS.put("MissionWorktrees", dev.flightdeck.core.mission.MissionWire.Worktrees.class);
        RECORDS.put("MissionRun", dev.flightdeck.core.mission.MissionWire.Run.class);
        RECORDS.put("MissionRuns", dev.flightdeck.core.mission.MissionWire.Runs.class);
    }

    @Override
    public OpenAPI buildModel() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        RECORDS.forEach((name, type) -> schemas.put(name, schemaOf(type)));
        Schema settings = settings();
        schemas.put("SessionConfigPatch", settings.description("Each field optional; null clears it"));
        Schema create = settings().description("Agent settings may be given at creation too")
                .addProperty("provider", string().enumeration(new java.util.ArrayList<Object>(dev.flightdeck.core.agent.Provider.wires())))
                .addProperty("cwd", string().description("An existing directory, absolute"))
                .addProperty("session_id", string().description("od-<uuid>; generated when absent"))
                .addProperty("initial_prompt", string().description("Sent to the agent as the session's first turn"))
                .addProperty("system_prompt", string().description("Merged into developer_instructions"))
                .addProperty("append_system_prompt", string().description("Merged into developer_instructions"))
                .required(List.of("provider", "cwd"));
        schemas.put("SessionCreateRequest", create);
        schemas.put("MissionIssueList", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("#/components/schemas/MissionIssueItem")));
        schemas.put("NamePatch", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("name", string().description("null clears the custom name")));
        schemas.put("SummaryPatch", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("summary", string()).required(List.of("summary")));
        return OASFactory.createOpenAPI().components(OASFactory.createComponents().schemas(schemas));
    }

    private static Schema settings() {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        SessionConfig.settingTypes().forEach((field, type) -> s.addProperty(field, OASFactory.createSchema()
                .addType(Schema.SchemaType.valueOf(type.toUpperCase(java.util.Locale.ROOT)))));
        return s;
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    static Schema schemaOf(Class<?> record) {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        for (RecordComponent c : record.getRecordComponents()) {
            s.addProperty(snake(c.getName()), typeOf(c.getGenericType()));
        }
        return s;
    }

    static Schema typeOf(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(typeOf(p.getActualTypeArguments()[0]));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .additionalPropertiesSchema(typeOf(p.getActualTypeArguments()[1]));
        }
        if (type instanceof Class<?> c) {
            for (Map.Entry<String, Class<?>> e : RECORDS.entrySet()) {
                if (e.getValue() == c) {
                    return OASFactory.createSchema().ref("#/components/schemas/" + e.getKey());
                }
            }
            if (c == String.class) {
                return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            }
            if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
                return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(
                        c == int.class || c == Integer.class ? "int32" : "int64");
            }
            if (c == double.class || c == Double.class) {
                return OASFactory.createSchema().addType(Schema.SchemaType.NUMBER);
            }
            if (c == boolean.class || c == Boolean.class) {
                return OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
            }
        }
        // JSON objects passed through as they are (settings details, claims).
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
