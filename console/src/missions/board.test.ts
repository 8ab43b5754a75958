import { describe, expect, it } from 'vitest';
import { actionsFor, byColumn, columnOf, orchestratorLabel, type Issue } from './board';

const issue = (identifier: string, state: string, allowed: string[], extra: Partial<Issue> = {}): Issue =>
  ({ identifier, issue_id: identifier, orchestration_state: state, allowed_transitions: allowed, ...extra }) as Issue;

describe('the missions board', () => {
  it('puts each machine state in its column', () => {
    expect(columnOf('retry_queued')).toBe('queued');
    expect(columnOf('provisioning')).toBe('running');
    expect(columnOf('claimed')).toBe('running');
    expect(columnOf('blocked')).toBe('blocked');
    expect(columnOf('completed')).toBe('completed');
    // A state the console does not know yet is still shown, not lost.
    expect(columnOf('something_new')).toBe('queued');
  });

  it('orders a column by newest activity, keeping the server order for issues without any', () => {
    const cols = byColumn([
      issue('A-1', 'queued', []),
      issue('A-2', 'running', [], { last_activity: '2026-12-03T10:00:00Z' }),
      issue('A-3', 'queued', []),
      issue('A-4', 'running', [], { last_activity: '2026-12-03T11:00:00Z' }),
    ]);
    expect(cols.queued.map((i) => i.identifier)).toEqual(['A-1', 'A-3']);
    expect(cols.running.map((i) => i.identifier)).toEqual(['A-4', 'A-2']);
    expect(cols.failed).toEqual([]);
  });

  it('offers only what allowed_transitions permits', () => {
    expect(actionsFor(issue('R', 'running', ['queued', 'completed', 'blocked', 'failed']))).toEqual(['requeue', 'block', 'complete']);
    expect(actionsFor(issue('F', 'failed', ['queued', 'completed']))).toEqual(['retry', 'complete']);
    expect(actionsFor(issue('B', 'blocked', ['queued', 'completed']))).toEqual(['retry', 'complete']);
    expect(actionsFor(issue('C', 'completed', ['queued']))).toEqual(['requeue']);
    expect(actionsFor(issue('Q', 'queued', ['completed', 'blocked']))).toEqual(['block', 'complete']);
  });

  it('says the orchestrator status in words', () => {
    expect(orchestratorLabel('idle')).toBe('not started');
    expect(orchestratorLabel('no_api_key')).toBe('no tracker key');
    expect(orchestratorLabel('some_future_state')).toBe('some future state');
  });
});
