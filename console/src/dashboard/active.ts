import { api, ok } from '../api/client';
import { SharedLive } from '../app/shared';
import type { components } from '../api/schema.gen';

export type ActiveSessions = components['schemas']['ActiveSessions'];
export type DashboardItem = components['schemas']['DashboardConversationItem'];

export const activeSessions = new SharedLive<ActiveSessions>(
  'active_sessions',
  () => ok(api.GET('/api/sessions/active')),
  (since) => ({ type: 'subscribe_active_sessions', ...(since !== undefined ? { since_revision: since } : {}) }),
  (f) => f.type === 'active_sessions_invalidated',
);

/** The dashboard's order: project by project, each group's sessions as the server lists them. */
export function orderedSessions(data: ActiveSessions | null): DashboardItem[] {
  const byId = new Map((data?.conversations ?? []).map((c) => [c.session_id, c]));
  return (data?.project_groups ?? []).flatMap((g) => (g.session_ids ?? []).map((id) => byId.get(id)))
    .filter((c): c is DashboardItem => c !== undefined);
}
