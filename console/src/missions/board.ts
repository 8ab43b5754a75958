import type { components } from '../api/schema.gen';

export type Issue = components['schemas']['MissionIssueItem'];
export type MissionDetail = components['schemas']['Mission'];
export type MissionSummary = components['schemas']['MissionSummary'];

/** The board's columns, in the order work moves through them; each holds several machine states. */
export const COLUMNS = [
  { id: 'queued', title: 'Queued', states: ['queued', 'retry_queued'] },
  { id: 'running', title: 'Running', states: ['claimed', 'provisioning', 'running'] },
  { id: 'blocked', title: 'Blocked', states: ['blocked'] },
  { id: 'failed', title: 'Failed', states: ['failed'] },
  { id: 'completed', title: 'Completed', states: ['completed'] },
] as const;

export type ColumnId = (typeof COLUMNS)[number]['id'];

export function columnOf(state: string | undefined): ColumnId {
  return COLUMNS.find((c) => (c.states as readonly string[]).includes(state ?? ''))?.id ?? 'queued';
}

/**
 * Issues by column. Within one, the newest activity first, so what just moved is on top; an issue
 * with no activity yet keeps the tracker's order (the server lists by priority).
 */
export function byColumn(issues: Issue[]): Record<ColumnId, Issue[]> {
  const out = Object.fromEntries(COLUMNS.map((c) => [c.id, [] as Issue[]])) as Record<ColumnId, Issue[]>;
  issues.forEach((i) => out[columnOf(i.orchestration_state)].push(i));
  const when = (i: Issue) => i.last_activity ?? i.completed_at ?? i.started_at ?? '';
  for (const c of COLUMNS) {
    out[c.id] = out[c.id]
      .map((issue, index) => ({ issue, index }))
      .sort((a, b) => when(b.issue).localeCompare(when(a.issue)) || a.index - b.index)
      .map((x) => x.issue);
  }
  return out;
}

export type IssueAction = 'retry' | 'requeue' | 'block' | 'complete';

/**
 * What a person may do to an issue, from the server's allowed_transitions: "retry" for one that
 * stopped (failed, blocked, waiting on its retry timer), which also resets the attempt count;
 * "re-queue" where the move to queued is allowed and retry is not offered; block and complete when
 * those moves are allowed. Nothing is offered that the server would refuse.
 */
export function actionsFor(issue: Issue): IssueAction[] {
  const allowed = new Set(issue.allowed_transitions ?? []);
  const state = issue.orchestration_state ?? '';
  const out: IssueAction[] = [];
  const stopped = ['failed', 'blocked', 'retry_queued'].includes(state);
  if (stopped) out.push('retry');
  else if (allowed.has('queued')) out.push('requeue');
  if (allowed.has('blocked')) out.push('block');
  if (allowed.has('completed')) out.push('complete');
  return out;
}

export const ACTION_LABEL: Record<IssueAction, string> = {
  retry: 'Retry',
  requeue: 'Re-queue',
  block: 'Block',
  complete: 'Complete',
};

const STATUS: Record<string, string> = {
  polling: 'polling',
  idle: 'not started',
  paused: 'paused',
  disabled: 'disabled',
  config_error: 'MISSION.md has errors',
  no_api_key: 'no tracker key',
};

/** The orchestrator's state (the server's orchestrator_status) in words, for the mission's header. */
export function orchestratorLabel(status: string | undefined): string {
  return STATUS[status ?? ''] ?? (status ?? '').replace(/_/g, ' ');
}
