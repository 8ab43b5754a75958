// The server's {code, error} envelope, said in words with what to do about it.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly detail: string) {
    super(detail);
  }
}

const ADVICE: Record<string, string> = {
  missing_bearer_token: 'Sign in with an API token.',
  unauthorized: 'The token is invalid, expired or revoked: sign in with another one.',
  not_found: 'It no longer exists. Go back to the dashboard and pick another.',
  session_not_found: 'The session no longer exists. Go back to the dashboard.',
  invalid_argument: 'Check the values you entered and try again.',
  invalid_request: 'Check the values you entered and try again.',
  not_steerable: 'The agent is not in a turn any more: send it as a new message instead.',
  control_unavailable: 'This control is not available for the session right now.',
  connector_start_failed: 'The agent CLI could not start. Check the server log and the CLI install (Settings shows which CLI runs).',
  connector_unavailable: 'The agent is not running. Resume the session first.',
  session_ended: 'The session has ended. Resume it to continue.',
  path_not_allowed: 'That directory is outside what the server may browse.',
  conflict: 'Someone changed it at the same time. Reload and try again.',
  turn_in_progress: 'The agent is working. Wait for the turn to end, interrupt it, or steer it.',
  not_interruptible: 'Nothing is running to interrupt.',
  already_active: 'The session is already running.',
  worktree_in_use: 'A session still works in this worktree. End it first, or delete anyway.',
  remove_failed: 'git refused to remove it (often uncommitted or untracked files). Delete anyway: a snapshot keeps the files.',
  create_failed: 'git could not create it. Check that the repository exists and the branch name is new.',
  not_a_repository: 'That directory is not a git repository.',
  snapshot_not_found: 'That snapshot no longer exists.',
  worktree_missing: 'The worktree is gone from disk.',
  invalid_transition: 'The issue cannot move that way from where it is now.',
  mission_not_found: 'The mission no longer exists. Go back to the missions list.',
  issue_not_found: 'The issue is no longer tracked by this mission. The board reloads by itself.',
  no_api_key: "No tracker key resolves for this mission: save the mission's own key on its page, or a global one in Settings.",
  network: 'The server cannot be reached. Check that it runs; the console retries by itself.',
};

export function advice(code: string): string {
  return ADVICE[code] ?? 'Try again; if it keeps failing, the server log has the details.';
}

export function describe(e: unknown): { title: string; advice: string } {
  if (e instanceof ApiError) {
    return { title: `${e.detail} (${e.code}, HTTP ${e.status})`, advice: advice(e.code) };
  }
  return { title: e instanceof Error ? e.message : String(e), advice: advice('network') };
}
