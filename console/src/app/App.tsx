import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Router, Route, useLocation } from 'preact-iso';
import { getToken, onAuthChange } from './auth';
import { socket, type SocketStatus } from '../ws/socket';
import { SignIn } from '../signin/SignIn';
import { Dashboard } from '../dashboard/Dashboard';
import { SessionPage } from '../session/SessionPage';
import { ReviewPage } from '../review/ReviewPage';
import { MissionsPage } from '../missions/MissionsPage';
import { MissionPage } from '../missions/MissionPage';
import { WorktreesPage } from '../worktrees/WorktreesPage';
import { UsagePage } from '../usage/UsagePage';
import { SettingsPage } from '../settings/SettingsPage';
import { NotFound } from './NotFound';
import { useAttention } from './attention';
import { neighbour, typing } from './keys';
import { NotifyToggle } from './Notify';
import { activeSessions, orderedSessions } from '../dashboard/active';

export function App() {
  const [token, setToken] = useState(getToken());
  useEffect(() => onAuthChange(() => setToken(getToken())), []);
  useEffect(() => {
    if (!token) return;
    socket.start();
    return () => socket.stop();
  }, [token]);
  return (
    <LocationProvider>
      {token ? <Shell /> : <SignIn />}
    </LocationProvider>
  );
}

function Shell() {
  const { path } = useLocation();
  const status = useSocketStatus();
  useAttention();
  useSessionKeys(path);
  const nav: [string, string][] = [['/', 'Dashboard'], ['/missions', 'Missions'], ['/worktrees', 'Worktrees'], ['/usage', 'Usage'], ['/settings', 'Settings']];
  return (
    <div class="shell">
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href="/">Flightdeck</a>
        <nav aria-label="Main">
          {nav.map(([href, label]) => (
            <a href={href} aria-current={(href === '/' ? path === '/' : path.startsWith(href)) ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
        <NotifyToggle />
        <span class="hint" aria-hidden="true"><kbd>[</kbd> <kbd>]</kbd> sessions</span>
        <span class={`link link-${status}`} role="status" aria-live="polite" data-socket={status}>
          {status === 'open' ? 'Live' : status === 'connecting' ? 'Reconnecting…' : 'Offline'}
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={Dashboard} />
          <Route path="/sessions/:id" component={SessionPage} />
          <Route path="/sessions/:id/review" component={ReviewPage} />
          <Route path="/missions" component={MissionsPage} />
          <Route path="/missions/:id" component={MissionPage} />
          <Route path="/worktrees" component={WorktreesPage} />
          <Route path="/usage" component={UsagePage} />
          <Route path="/settings" component={SettingsPage} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </div>
  );
}

function useSocketStatus(): SocketStatus {
  const [s, setS] = useState(socket.status);
  useEffect(() => socket.onStatus(setS), []);
  return s;
}

/**
 * "]" and "[" open the next and previous active session from any screen (outside text fields),
 * in the dashboard's order; "g" then "d" goes back to the dashboard.
 */
function useSessionKeys(path: string) {
  const { route } = useLocation();
  const data = activeSessions.use();
  useEffect(() => {
    let g = false;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (g && e.key === 'd') {
        route('/');
        g = false;
        return;
      }
      g = e.key === 'g';
      if (e.key !== ']' && e.key !== '[') return;
      const current = /^\/sessions\/([^/]+)/.exec(path)?.[1] ?? null;
      const next = neighbour(orderedSessions(data).map((c) => c.session_id!), current, e.key === ']' ? 1 : -1);
      if (next && next !== current) {
        e.preventDefault();
        route(`/sessions/${next}`);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [path, data]);
}
