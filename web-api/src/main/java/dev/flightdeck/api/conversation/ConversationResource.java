package dev.flightdeck.api.conversation;

import dev.flightdeck.api.app.Bodies;
import dev.flightdeck.api.session.Params;
import dev.flightdeck.core.agent.MessageRequest;
import dev.flightdeck.core.agent.SessionActions;
import dev.flightdeck.core.attachment.AttachmentStore;
import dev.flightdeck.core.attachment.AttachmentWire;
import dev.flightdeck.core.session.SessionService;
import dev.flightdeck.core.shell.ShellRequest;
import dev.flightdeck.core.shell.ShellRunner;
import dev.flightdeck.core.shell.ShellWire;
import jakarta.ws.rs.HeaderParam;
import java.io.InputStream;
import dev.flightdeck.core.conversation.ConversationService;
import dev.flightdeck.core.conversation.ConversationWire;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.session.SessionWire;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The conversation surface of one session (contract §1.3, §1.5). */
@Path("/api/sessions/{id}/conversation")
@Tag(name = "conversation")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Missing, invalid or revoked token",
        content = @Content(schema = @Schema(ref = "Error")))
@APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(ref = "Error")))
public class ConversationResource {
    @Inject
    ConversationService conversation;

    @Inject
    SessionActions actions;

    @Inject
    ShellRunner shell;

    @Inject
    AttachmentStore attachments;

    @Inject
    SessionService sessions;

    @GET
    @Operation(summary = "The newest rows, with the revision to subscribe from (replay_cursor)")
    @APIResponse(responseCode = "200", description = "A page of rows",
            content = @Content(schema = @Schema(implementation = ConversationWire.Page.class)))
    public ConversationWire.Page page(@PathParam("id") String id, @QueryParam("limit") String limit,
                                      @QueryParam("before_sequence") String before) {
        return conversation.page(id, limit(limit), Params.optionalLong("before_sequence", before));
    }

    @GET
    @Path("messages")
    @Operation(summary = "Older rows before a sequence")
    @APIResponse(responseCode = "200", description = "A page of rows",
            content = @Content(schema = @Schema(implementation = ConversationWire.RowsPage.class)))
    public ConversationWire.RowsPage messages(@PathParam("id") String id, @QueryParam("limit") String limit,
                                              @QueryParam("before_sequence") String before) {
        return conversation.messages(id, limit(limit), Params.optionalLong("before_sequence", before));
    }

    @GET
    @Path("search")
    @Operation(summary = "Case-insensitive substring search; family, status and kind narrow it to tool rows")
    @APIResponse(responseCode = "200", description = "Matching rows, oldest first",
            content = @Content(schema = @Schema(implementation = ConversationWire.RowsPage.class)))
    public ConversationWire.RowsPage search(@PathParam("id") String id, @QueryParam("q") String q,
                                            @QueryParam("family") String family, @QueryParam("status") String status,
                                            @QueryParam("kind") String kind, @QueryParam("limit") String limit) {
        return conversation.search(id, q, blank(family), blank(status), blank(kind), limit(limit));
    }

    @GET
    @Path("stats")
    @Operation(summary = "Row, tool, turn and token counts")
    @APIResponse(responseCode = "200", description = "Statistics",
            content = @Content(schema = @Schema(implementation = ConversationWire.Stats.class)))
    public ConversationWire.Stats stats(@PathParam("id") String id) {
        return conversation.stats(id);
    }

    @GET
    @Path("rows/{row_id}/content")
    @Operation(summary = "The full input and output of one row")
    @APIResponse(responseCode = "200", description = "Row content",
            content = @Content(schema = @Schema(implementation = ConversationWire.RowContent.class)))
    public ConversationWire.RowContent content(@PathParam("id") String id, @PathParam("row_id") String rowId) {
        return conversation.content(id, rowId);
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message; starts the agent if it is not running")
    @APIResponse(responseCode = "202", description = "Accepted, with the user row",
            content = @Content(schema = @Schema(implementation = ConversationWire.Accepted.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: content missing or empty",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "503", description = "connector_unavailable or connector_start_failed",
            content = @Content(schema = @Schema(ref = "Error")))
    public Response send(@PathParam("id") String id, JsonValue body) {
        return Response.accepted(actions.send(id, MessageRequest.parse(Bodies.required(body), false), false)).build();
    }

    @POST
    @Path("steer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Steer the running turn")
    @APIResponse(responseCode = "202", description = "Accepted, with the steer row",
            content = @Content(schema = @Schema(implementation = ConversationWire.Accepted.class)))
    @APIResponse(responseCode = "409", description = "not_steerable or active_turn_mismatch",
            content = @Content(schema = @Schema(ref = "Error")))
    public Response steer(@PathParam("id") String id, JsonValue body) {
        return Response.accepted(actions.send(id, MessageRequest.parse(Bodies.required(body), true), true)).build();
    }

    @POST
    @Path("interrupt")
    @Operation(summary = "Legacy alias of controls/stop-active-turn")
    @APIResponse(responseCode = "200", description = "Accepted",
            content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted interrupt(@PathParam("id") String id) {
        return actions.interrupt(id);
    }

    @POST
    @Path("compact")
    @Operation(summary = "Legacy alias of controls/compact-context")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted compact(@PathParam("id") String id) {
        return actions.compact(id);
    }

    @POST
    @Path("undo")
    @Operation(summary = "Legacy alias of controls/undo-last-turn")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted undo(@PathParam("id") String id) {
        return actions.rollback(id, 1, true);
    }

    @POST
    @Path("rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Legacy alias of controls/rollback-turns")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted rollback(@PathParam("id") String id, JsonValue body) {
        return actions.rollback(id, Bodies.count(body, "num_turns"), false);
    }

    @POST
    @Path("stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Legacy alias of controls/stop-target")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted stop(@PathParam("id") String id, JsonValue body) {
        return actions.stopTarget(id, Bodies.argument(body, "task_id"));
    }

    @POST
    @Path("rewind")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Legacy alias of controls/rewind-to-message")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    public SessionWire.Accepted rewind(@PathParam("id") String id, JsonValue body) {
        return actions.rewind(id, Bodies.argument(body, "user_message_id"));
    }

    @POST
    @Path("shell-command")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Codex runs a command in its thread (thread/shellCommand)")
    @APIResponse(responseCode = "202", description = "Accepted", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "422", description = "unsupported_session_shell", content = @Content(schema = @Schema(ref = "Error")))
    public Response shellCommand(@PathParam("id") String id, JsonValue body) {
        return Response.accepted(actions.shellCommand(id, Bodies.argument(body, "command"))).build();
    }

    @POST
    @Path("shell/exec")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a shell command in the session's project; output streams as shell_output and lands in a shell_command row")
    @APIResponse(responseCode = "200", description = "Started",
            content = @Content(schema = @Schema(implementation = ShellWire.Accepted.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: command, cwd (outside the project) or timeout_secs",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "409", description = "shell_duplicate_request_id", content = @Content(schema = @Schema(ref = "Error")))
    public ShellWire.Accepted shellExec(@PathParam("id") String id, JsonValue body) {
        return shell.exec(id, ShellRequest.parse(Bodies.required(body)));
    }

    @POST
    @Path("shell/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Kill a running shell command and everything it started")
    @APIResponse(responseCode = "200", description = "Canceled", content = @Content(schema = @Schema(ref = "Accepted")))
    @APIResponse(responseCode = "404", description = "shell_request_not_found", content = @Content(schema = @Schema(ref = "Error")))
    public SessionWire.Accepted shellCancel(@PathParam("id") String id, JsonValue body) {
        shell.cancel(id, Bodies.argument(body, "request_id"));
        return new SessionWire.Accepted(true, sessions.detail(id));
    }

    @POST
    @Path("attachments/images")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Store an image (png, jpeg, gif or webp; at most 10 MiB) to attach to messages")
    @APIResponse(responseCode = "200", description = "Stored",
            content = @Content(schema = @Schema(implementation = AttachmentWire.Uploaded.class)))
    @APIResponse(responseCode = "400", description = "invalid_request: no Content-Type, or an empty body",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "413", description = "payload_too_large", content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "415", description = "unsupported_media_type", content = @Content(schema = @Schema(ref = "Error")))
    public AttachmentWire.Uploaded uploadImage(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType,
                                               @QueryParam("display_name") String displayName, InputStream body)
            throws java.io.IOException {
        if (contentType == null || contentType.isBlank()) {
            throw ErrorCode.INVALID_REQUEST.error("Content-Type: required (image/png, image/jpeg, image/gif or image/webp)");
        }
        String type = AttachmentStore.imageType(contentType);
        if (type == null) {
            throw ErrorCode.UNSUPPORTED_MEDIA_TYPE.error("Content-Type: must be image/png, image/jpeg, image/gif or image/webp");
        }
        sessions.detail(id);
        byte[] bytes = body.readNBytes(AttachmentStore.MAX_BYTES + 1);
        if (bytes.length > AttachmentStore.MAX_BYTES) {
            throw ErrorCode.PAYLOAD_TOO_LARGE.error("an image attachment is at most 10 MiB");
        }
        if (bytes.length == 0) {
            throw ErrorCode.INVALID_REQUEST.error("body: the image bytes are required");
        }
        String stored = attachments.store(id, type, bytes);
        return new AttachmentWire.Uploaded(new AttachmentWire.ImageRef("attachment", stored, type,
                displayName == null || displayName.isBlank() ? null : displayName, null));
    }

    @GET
    @Path("attachments/images/{attachment_id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The stored image bytes, with their type")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "404", description = "attachment_read_failed", content = @Content(schema = @Schema(ref = "Error")))
    public Response image(@PathParam("id") String id, @PathParam("attachment_id") String attachmentId) {
        AttachmentStore.Stored st = attachments.read(id, attachmentId);
        return Response.ok(st.bytes(), st.mimeType()).build();
    }

    private static int limit(String raw) {
        return Params.intParam("limit", raw, ConversationService.PAGE_DEFAULT, 1, ConversationService.PAGE_MAX);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
