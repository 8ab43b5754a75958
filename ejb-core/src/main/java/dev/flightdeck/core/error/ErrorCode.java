package dev.flightdeck.core.error;

/**
 * Every error code the server answers, with its HTTP status: the contract's catalog (and Flightdeck's
 * additions) in one place. A code is thrown as {@code ErrorCode.X.error(message)}.
 */
public enum ErrorCode {
    CREATE_FAILED(400, "create_failed"),
    GIT_INIT_FAILED(400, "git_init_failed"),
    INVALID_ANSWER_PAYLOAD(400, "invalid_answer_payload"),
    INVALID_ARGUMENT(400, "invalid_argument"),
    INVALID_REQUEST(400, "invalid_request"),
    INVALID_STATE(400, "invalid_state"),
    INVALID_TRANSITION(400, "invalid_transition"),
    NO_API_KEY(400, "no_api_key"),
    NOT_A_REPOSITORY(400, "not_a_repository"),
    PATH_NOT_FOUND(400, "path_not_found"),
    REMOVE_FAILED(400, "remove_failed"),
    RESTORE_FAILED(400, "restore_failed"),
    WORKTREE_CREATE_INVALID_INPUT(400, "worktree_create_invalid_input"),
    WORKTREE_REPO_MISMATCH(400, "worktree_repo_mismatch"),
    UNAUTHORIZED(401, "unauthorized"),
    INVALID_WORKSPACE_TOKEN(401, "invalid_workspace_token"),
    MISSING_BEARER_TOKEN(401, "missing_bearer_token"),
    WORKSPACE_NOT_FOUND(401, "workspace_not_found"),
    FORBIDDEN(403, "forbidden"),
    PATH_NOT_ALLOWED(403, "path_not_allowed"),
    ATTACHMENT_READ_FAILED(404, "attachment_read_failed"),
    COMMENT_NOT_FOUND(404, "comment_not_found"),
    ISSUE_NOT_FOUND(404, "issue_not_found"),
    MISSION_NOT_FOUND(404, "mission_not_found"),
    NOT_FOUND(404, "not_found"),
    SESSION_NOT_FOUND(404, "session_not_found"),
    SHELL_REQUEST_NOT_FOUND(404, "shell_request_not_found"),
    SNAPSHOT_NOT_FOUND(404, "snapshot_not_found"),
    WORKTREE_NOT_FOUND(404, "worktree_not_found"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed"),
    NOT_ACCEPTABLE(406, "not_acceptable"),
    ACTIVE_TURN_MISMATCH(409, "active_turn_mismatch"),
    ALREADY_ACTIVE(409, "already_active"),
    APPROVAL_PENDING(409, "approval_pending"),
    CONFIG_VERSION_CONFLICT(409, "config_version_conflict"),
    CONFLICT(409, "conflict"),
    INVALID_SETTINGS_FILE(409, "invalid_settings_file"),
    CONTROL_UNAVAILABLE(409, "control_unavailable"),
    NOT_INTERRUPTIBLE(409, "not_interruptible"),
    NOT_PASSIVE(409, "not_passive"),
    NOT_RUNNING(409, "not_running"),
    NOT_STEERABLE(409, "not_steerable"),
    SESSION_ENDED(409, "session_ended"),
    SESSION_EXISTS(409, "session_exists"),
    SHELL_DUPLICATE_REQUEST_ID(409, "shell_duplicate_request_id"),
    SYNC_SEQUENCE_CONFLICT(409, "sync_sequence_conflict"),
    TURN_IN_PROGRESS(409, "turn_in_progress"),
    WORKTREE_IN_USE(409, "worktree_in_use"),
    SNAPSHOT_MISSING(410, "snapshot_missing"),
    WORKTREE_MISSING(410, "worktree_missing"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
    CONFIG_LAYER_READONLY(422, "config_layer_readonly"),
    FORK_FAILED(422, "fork_failed"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency_key_reused"),
    INVALID_CODEX_CONFIG(422, "invalid_codex_config"),
    INVALID_FORK_ARGUMENT(422, "invalid_argument"),
    MISSING_CLAUDE_RESUME_ID(422, "missing_claude_resume_id"),
    ROLLBACK_FAILED(422, "rollback_failed"),
    UNSUPPORTED_CONTROL(422, "unsupported_control"),
    UNSUPPORTED_SESSION_SHELL(422, "unsupported_session_shell"),
    ATTACHMENT_STORE_FAILED(500, "attachment_store_failed"),
    INTERNAL_ERROR(500, "internal_error"),
    WRITE_ERROR(500, "write_error"),
    CODEX_ERROR(502, "codex_error"),
    GIT_FAILED(502, "git_failed"),
    TRACKER_ERROR(502, "tracker_error"),
    CODEX_AUTH_ERROR(503, "codex_auth_error"),
    CODEX_UNAVAILABLE(503, "codex_unavailable"),
    CONNECTOR_START_FAILED(503, "connector_start_failed"),
    CONNECTOR_UNAVAILABLE(503, "connector_unavailable"),
    TIMEOUT(504, "timeout");

    private final int status;
    private final String code;

    ErrorCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ApiException error(String message) {
        return new ApiException(this, message);
    }
}
