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
