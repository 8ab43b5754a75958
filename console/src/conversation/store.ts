// The conversation as the server has it, rebuilt from one REST snapshot and the socket's frames.
// Pure: every function returns a new state and says whether the screen must refetch. The rules
// follow docs/websocket.md: a frame at or below the revision already held is old news (the
// snapshot or an earlier replay already has it); an invalidation above it, one at revision 0 (an
// oversized frame) or a lagged/replay_oversized error means the socket cannot bring us up to
// date, so the snapshot is fetched again. The conversation surface does not get every session
// revision, so revisions are never expected to be contiguous.

export interface Row {
  id: string;
  row_type: string;
  content?: string | null;
  title?: string | null;
  subtitle?: string | null;
  summary?: string | null;
  status?: string | null;
  family?: string | null;
  is_streaming?: boolean;
  [key: string]: unknown;
}

export interface RowEntry {
  session_id: string;
  sequence: number;
  turn_id?: string | null;
  turn_status: string;
  row: Row;
}

export interface ConversationPage {
  revision: number;
  session_id: string;
  rows: RowEntry[];
  total_row_count: number;
  has_more_before: boolean;
}

export interface ConversationState {
  sessionId: string;
  revision: number;
  rows: RowEntry[];
  totalRowCount: number;
  hasMoreBefore: boolean;
}

export interface Frame {
  type: string;
  session_id?: string;
  revision?: number;
  surface?: string;
  code?: string;
  upserted?: RowEntry[] | null;
  removed_row_ids?: string[] | null;
  total_row_count?: number;
  [key: string]: unknown;
}

export interface Applied {
  state: ConversationState;
  refetch: boolean;
}

export function fromPage(page: ConversationPage): ConversationState {
  return {
    sessionId: page.session_id,
    revision: page.revision,
    rows: [...page.rows].sort(bySequence),
    totalRowCount: page.total_row_count,
    hasMoreBefore: page.has_more_before,
  };
}

/** Older rows fetched by scrolling up: they predate everything held, so only rows not held are added. */
export function prependOlder(state: ConversationState, older: RowEntry[], hasMoreBefore: boolean): ConversationState {
  const held = new Set(state.rows.map((e) => e.row.id));
  const fresh = older.filter((e) => !held.has(e.row.id));
  return { ...state, rows: [...fresh, ...state.rows].sort(bySequence), hasMoreBefore };
}

export function apply(state: ConversationState, frame: Frame): Applied {
  if (frame.type === 'error') {
    const lost = frame.code === 'lagged' || frame.code === 'replay_oversized';
    return { state, refetch: lost && (frame.session_id == null || frame.session_id === state.sessionId) };
  }
  // Only this session's frames count: list invalidations carry the lists' own revision, which
  // must never be taken for the session's.
  if (frame.session_id !== state.sessionId) {
    return { state, refetch: false };
  }
  if (frame.type === 'session_surface_invalidated') {
    if (frame.surface !== 'conversation') {
      return { state, refetch: false };
    }
    return { state, refetch: frame.revision === 0 || (frame.revision ?? 0) > state.revision };
  }
  const revision = frame.revision;
  if (revision == null || revision <= state.revision) {
    return { state, refetch: false };
  }
  if (frame.type !== 'conversation_rows_changed') {
    return { state: { ...state, revision }, refetch: false };
  }
  return { state: { ...mergeRows(state, frame.upserted ?? [], frame.removed_row_ids ?? []),
    revision, totalRowCount: frame.total_row_count ?? state.totalRowCount }, refetch: false };
}

function mergeRows(state: ConversationState, upserted: RowEntry[], removed: string[]): ConversationState {
  const gone = new Set(removed);
  const replaced = new Map(upserted.map((e) => [e.row.id, e]));
  const rows: RowEntry[] = [];
  for (const e of state.rows) {
    if (gone.has(e.row.id)) continue;
    const next = replaced.get(e.row.id);
    rows.push(next ?? e);
    replaced.delete(e.row.id);
  }
  rows.push(...replaced.values());
  rows.sort(bySequence);
  return { ...state, rows };
}

function bySequence(a: RowEntry, b: RowEntry): number {
  return a.sequence - b.sequence;
}

/**
 * A session_delta's sparse patch: a missing key is unchanged, null clears it. Nested objects are
 * replaced whole, as the server sends them.
 */
export function mergeDelta<T extends object>(target: T, changes: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) {
      delete next[key];
    } else {
      next[key] = value;
    }
  }
  return next as T;
}
