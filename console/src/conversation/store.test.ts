import { describe, expect, it } from 'vitest';
import { apply, fromPage, mergeDelta, prependOlder, type RowEntry } from './store';

const entry = (id: string, sequence: number, content = id): RowEntry => ({
  session_id: 's1', sequence, turn_status: 'active', row: { id, row_type: 'assistant', content },
});
const page = (revision: number, rows: RowEntry[]) =>
  fromPage({ revision, session_id: 's1', rows, total_row_count: rows.length, has_more_before: false });

describe('replay apply', () => {
  it('applies missed frames in order on top of the snapshot', () => {
    let s = page(5, [entry('a', 0)]);
    for (const f of [
      { type: 'conversation_rows_changed', session_id: 's1', revision: 7, upserted: [entry('b', 1, 'par')], total_row_count: 2 },
      { type: 'session_delta', session_id: 's1', revision: 8, changes: { work_status: 'working' } },
      { type: 'conversation_rows_changed', session_id: 's1', revision: 9, upserted: [entry('b', 1, 'partial answer')], total_row_count: 2 },
    ]) {
      const r = apply(s, f);
      expect(r.refetch).toBe(false);
      s = r.state;
    }
    expect(s.revision).toBe(9);
    expect(s.rows.map((e) => e.row.content)).toEqual(['a', 'partial answer']);
    expect(s.totalRowCount).toBe(2);
  });

  it('leaves the session revision alone on another scope\'s frame, so later rows still apply', () => {
    let s = page(2, [entry('a', 0)]);
    // The lists' revision runs on its own counter, ahead of this session's.
    s = apply(s, { type: 'active_sessions_invalidated', revision: 12 }).state;
    s = apply(s, { type: 'session_delta', session_id: 's2', revision: 40, changes: {} }).state;
    expect(s.revision).toBe(2);
    const r = apply(s, { type: 'conversation_rows_changed', session_id: 's1', revision: 7,
      upserted: [entry('b', 1)], total_row_count: 2 });
    expect(r.state.rows.map((e) => e.row.id)).toEqual(['a', 'b']);
  });

  it('ignores a frame the snapshot already holds', () => {
    const s = page(9, [entry('a', 0), entry('b', 1, 'final')]);
    const r = apply(s, { type: 'conversation_rows_changed', session_id: 's1', revision: 8,
      upserted: [entry('b', 1, 'stale')], total_row_count: 2 });
    expect(r.state).toBe(s);
    expect(r.state.rows[1].row.content).toBe('final');
  });

  it('keeps rows in sequence order and removes what the server removed', () => {
    const s = page(1, [entry('a', 0), entry('c', 2)]);
    const r = apply(s, { type: 'conversation_rows_changed', session_id: 's1', revision: 2,
      upserted: [entry('b', 1)], removed_row_ids: ['c'], total_row_count: 2 });
    expect(r.state.rows.map((e) => e.row.id)).toEqual(['a', 'b']);
  });

  it('ignores frames of another session', () => {
    const s = page(1, []);
    const r = apply(s, { type: 'conversation_rows_changed', session_id: 's2', revision: 5, upserted: [entry('x', 0)] });
    expect(r.state).toBe(s);
  });
});

describe('gap and invalidation', () => {
  it('refetches on a conversation invalidation above the held revision only', () => {
    const s = page(4, []);
    expect(apply(s, { type: 'session_surface_invalidated', session_id: 's1', surface: 'conversation', revision: 6 }).refetch).toBe(true);
    expect(apply(s, { type: 'session_surface_invalidated', session_id: 's1', surface: 'conversation', revision: 4 }).refetch).toBe(false);
    expect(apply(s, { type: 'session_surface_invalidated', session_id: 's1', surface: 'detail', revision: 9 }).refetch).toBe(false);
  });

  it('refetches on an oversized frame, announced as revision 0', () => {
    const s = page(4, []);
    expect(apply(s, { type: 'session_surface_invalidated', session_id: 's1', surface: 'conversation', revision: 0 }).refetch).toBe(true);
  });

  it('refetches when the socket lagged or a replay was too large', () => {
    const s = page(4, []);
    expect(apply(s, { type: 'error', code: 'lagged' }).refetch).toBe(true);
    expect(apply(s, { type: 'error', code: 'replay_oversized', session_id: 's1' }).refetch).toBe(true);
    expect(apply(s, { type: 'error', code: 'replay_oversized', session_id: 's2' }).refetch).toBe(false);
    expect(apply(s, { type: 'error', code: 'not_steerable', session_id: 's1' }).refetch).toBe(false);
  });

  it('does not expect contiguous revisions: a jump is not a gap', () => {
    const s = page(4, []);
    const r = apply(s, { type: 'conversation_rows_changed', session_id: 's1', revision: 40, upserted: [entry('a', 0)] });
    expect(r.refetch).toBe(false);
    expect(r.state.revision).toBe(40);
  });

  it('adds older rows without repeating held ones', () => {
    const s = page(3, [entry('c', 2), entry('d', 3)]);
    const t = prependOlder(s, [entry('a', 0), entry('b', 1), entry('c', 2)], false);
    expect(t.rows.map((e) => e.row.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('delta merge', () => {
  it('changes only the keys present and clears the nulls', () => {
    const before = { work_status: 'working', model: 'm1', custom_name: 'x', token_usage: { input_tokens: 1 } };
    const after = mergeDelta(before, { work_status: 'waiting', custom_name: null, token_usage: { input_tokens: 5 } });
    expect(after).toEqual({ work_status: 'waiting', model: 'm1', token_usage: { input_tokens: 5 } });
    expect(before.work_status).toBe('working');
  });
});
