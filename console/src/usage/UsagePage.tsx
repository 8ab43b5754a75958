import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { ErrorNote } from '../app/ErrorNote';
import { activeSessions } from '../dashboard/active';
import type { components } from '../api/schema.gen';
import { BarTable, ColumnChart } from './Charts';
import {
  count, dayBars, groupBars, lastDays, percent, rateLimits, todayStart, topSessions, usd, type Metric, type Range,
} from './usage';

type Overview = components['schemas']['UsageOverview'];
type Breakdown = components['schemas']['UsageBreakdown'];
type Sessions = components['schemas']['UsageSessions'];
type Bucket = components['schemas']['UsageBucket'];
type Totals = components['schemas']['UsageTotals'];
type RateLimitUsage = components['schemas']['RateLimitUsage'];

const RANGES: [number, string][] = [[1, 'Today'], [7, 'Last 7 days'], [30, 'Last 30 days'], [90, 'Last 90 days']];
const TOP = 10;

interface Ledger {
  range: Range;
  overview: Overview;
  byModel: Breakdown;
  byProvider: Breakdown;
  bySession: Breakdown;
  sessions: Sessions;
  at: number;
}

interface RateLimitsRead {
  codex: RateLimitUsage;
  claude: RateLimitUsage;
}

async function readLedger(range: Range): Promise<Ledger> {
  const span = { start_unix: String(range.start), end_unix: String(range.end), today_start_unix: String(range.todayStart) };
  const breakdown = (group_by: string) => ok(api.GET('/api/usage/breakdown', { params: { query: { ...span, group_by } } }));
  const [overview, byModel, byProvider, bySession, sessions] = await Promise.all([
    ok(api.GET('/api/usage/overview', {
      params: { query: { today_start_unix: span.today_start_unix, range_start_unix: span.start_unix, range_end_unix: span.end_unix } },
    })),
    breakdown('model'),
    breakdown('provider'),
    breakdown('session'),
    ok(api.GET('/api/usage/sessions', { params: { query: { start_unix: span.start_unix, end_unix: span.end_unix, limit: '500' } } })),
  ]);
  return { range, overview, byModel, byProvider, bySession, sessions, at: Date.now() };
}

async function readLimits(): Promise<RateLimitsRead> {
  const [codex, claude] = await Promise.all([ok(api.GET('/api/usage/codex')), ok(api.GET('/api/usage/claude'))]);
  return { codex, claude };
}

/**
 * Cost and tokens of direct sessions from the server's per-turn ledger, for a range of days ending
 * today (days start at this browser's midnight), with the providers' rate-limit windows. It reads
 * again when a session changes state, since that is when a turn has been recorded.
 */
export function UsagePage() {
  const [days, setDays] = useState(7);
  const [metric, setMetric] = useState<Metric>('cost');
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [limits, setLimits] = useState<RateLimitsRead | null>(null);
  const [ledgerError, setLedgerError] = useState<unknown>(null);
  const [limitsError, setLimitsError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  // Read at call time: a reload the timer below starts must use the range chosen since it was set.
  const daysNow = useRef(days);
  daysNow.current = days;
  const active = activeSessions.use();

  const load = () => {
    // A newer read wins: switching the range quickly must not let an older answer land last.
    const mine = ++seq.current;
    const range = lastDays(daysNow.current, todayStart(new Date()));
    setLoading(true);
    const a = readLedger(range).then((l) => { if (mine === seq.current) { setLedger(l); setLedgerError(null); } })
      .catch((e) => { if (mine === seq.current) setLedgerError(e); });
    const b = readLimits().then((l) => { if (mine === seq.current) { setLimits(l); setLimitsError(null); } })
      .catch((e) => { if (mine === seq.current) setLimitsError(e); });
    void Promise.all([a, b]).finally(() => { if (mine === seq.current) setLoading(false); });
  };

  useEffect(load, [days]);
  // Turns end in bursts (a status change per session); one read after the burst is enough.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seenRevision = useRef<number | undefined>(undefined);
  useEffect(() => {
    const r = active?.revision;
    if (r === undefined) return;
    if (seenRevision.current === undefined) { seenRevision.current = r; return; }
    if (r === seenRevision.current) return;
    seenRevision.current = r;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(load, 1500);
  }, [active?.revision]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const range = ledger?.range;
  return (
    <section class="usage" aria-labelledby="usage-title" aria-busy={loading}
      data-start-unix={range?.start} data-end-unix={range?.end} data-today-start-unix={range?.todayStart} data-loaded={ledger ? 'yes' : 'no'}>
      <div class="row-between">
        <h1 id="usage-title">Usage</h1>
        <div class="usage-controls">
          <label>Range
            <select value={String(days)} onChange={(e) => setDays(Number((e.target as HTMLSelectElement).value))}>
              {RANGES.map(([d, l]) => <option value={String(d)}>{l}</option>)}
            </select>
          </label>
          <fieldset class="segmented">
            <legend>Charts show</legend>
            {(['cost', 'tokens'] as Metric[]).map((m) => (
              <label class="check">
                <input type="radio" name="metric" value={m} checked={metric === m} onChange={() => setMetric(m)} />
                {m === 'cost' ? 'Cost' : 'Tokens'}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={load} disabled={loading}>{loading ? 'Reading…' : 'Refresh'}</button>
        </div>
      </div>
      <p class="muted">
        Direct sessions only, from the server's ledger of turns; costs are estimates from the server's price table.
        {ledger && <> Days start at this browser's midnight. Read at {new Date(ledger.at).toLocaleTimeString()}.</>}
      </p>
      <ErrorNote error={ledgerError} onRetry={load} />
      {!ledger && !ledgerError && <p>Reading the ledger…</p>}
      {ledger && <LedgerView l={ledger} metric={metric} rangeLabel={RANGES.find(([d]) => d === ledger.range.days)?.[1] ?? ''} />}
      <section class="panel" aria-labelledby="limits-title">
        <h2 id="limits-title">Provider rate limits</h2>
        <ErrorNote error={limitsError} onRetry={load} />
        {limits && (
          <div class="limits">
            <LimitsCard provider="codex" name="Codex" read={limits.codex} />
            <LimitsCard provider="claude" name="Claude" read={limits.claude} />
          </div>
        )}
      </section>
    </section>
  );
}

function LedgerView({ l, metric, rangeLabel }: { l: Ledger; metric: Metric; rangeLabel: string }) {
  const summary = l.overview.summary;
  const top = topSessions(l.bySession.groups ?? [], l.sessions.sessions ?? [], TOP);
  const noun = metric === 'cost' ? 'Cost' : 'Tokens';
  return (
    <>
      <div class="usage-cards">
        <BucketCard id="today" title="Today" b={summary?.today} />
        <TotalsCard id="range" title={rangeLabel} t={l.byProvider.totals} />
        <BucketCard id="all_time" title="All time" b={summary?.all_time} />
      </div>
      <section class="panel" aria-label="Charts">
        <ColumnChart id="per-day" title={`${noun} per day, ${rangeLabel.toLowerCase()}`} metric={metric}
          bars={dayBars(l.overview.day_breakdown ?? [], l.range, metric)} />
        <div class="chart-pair">
          <BarTable id="per-model" title={`${noun} per model`} head="Model" metric={metric} bars={groupBars(l.byModel.groups ?? [], metric)} />
          <BarTable id="per-provider" title={`${noun} per provider`} head="Provider" metric={metric} bars={groupBars(l.byProvider.groups ?? [], metric)} />
        </div>
      </section>
      <section class="panel" aria-labelledby="top-title">
        <h2 id="top-title">Top sessions by cost</h2>
        {top.length === 0 ? <p class="muted">No session has used anything in this range.</p> : (
          <div class="table-scroll">
            <table class="figures-table" data-table="top-sessions" aria-labelledby="top-title">
              <thead><tr><th scope="col">Session</th><th scope="col">Provider</th><th scope="col">Model</th><th scope="col" class="num">Turns</th><th scope="col" class="num">Tokens</th><th scope="col" class="num">Cost</th></tr></thead>
              <tbody>
                {top.map((s) => (
                  <tr data-key={s.id}>
                    <th scope="row"><a href={`/sessions/${s.id}`}>{s.name}</a>{s.project && <small class="muted"> · {s.project}</small>}</th>
                    <td>{s.provider}</td>
                    <td>{s.model}</td>
                    <td class="num" data-field="turns" data-value={s.turns}>{count(s.turns)}</td>
                    <td class="num" data-field="tokens" data-value={s.tokens}>{count(s.tokens)}</td>
                    <td class="num" data-field="cost" data-value={s.cost}>{usd(s.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(l.bySession.groups?.length ?? 0) > TOP && <p class="muted">{count(l.bySession.groups!.length)} sessions used something in this range; the {TOP} costliest are shown.</p>}
      </section>
    </>
  );
}

function BucketCard({ id, title, b }: { id: string; title: string; b?: Bucket }) {
  return (
    <Card id={id} title={title} cost={b?.total_cost_usd ?? 0} tokens={b?.total_tokens ?? 0} input={b?.input_tokens ?? 0}
      output={b?.output_tokens ?? 0} cached={b?.cached_tokens ?? 0} turns={b?.turn_count ?? 0} sessions={b?.distinct_session_count ?? 0} />
  );
}

function TotalsCard({ id, title, t }: { id: string; title: string; t?: Totals }) {
  const k = t?.tokens;
  return (
    <Card id={id} title={title} cost={t?.total_cost_usd ?? 0} tokens={k?.total_tokens ?? 0} input={k?.input_tokens ?? 0}
      output={k?.output_tokens ?? 0} cached={k?.cached_tokens ?? 0} turns={t?.turn_count ?? 0} sessions={t?.distinct_session_count ?? 0} />
  );
}

function Card(p: { id: string; title: string; cost: number; tokens: number; input: number; output: number; cached: number; turns: number; sessions: number }) {
  const rows: [string, string, number, string][] = [
    ['tokens', 'Tokens', p.tokens, count(p.tokens)],
    ['input_tokens', 'Input', p.input, count(p.input)],
    ['output_tokens', 'Output', p.output, count(p.output)],
    ['cached_tokens', 'Cached', p.cached, count(p.cached)],
    ['turns', 'Turns', p.turns, count(p.turns)],
    ['sessions', 'Sessions', p.sessions, count(p.sessions)],
  ];
  return (
    <section class="usage-card" aria-labelledby={`card-${p.id}`} data-bucket={p.id}>
      <h2 id={`card-${p.id}`}>{p.title}</h2>
      <p class="big" data-field="cost" data-value={p.cost}>{usd(p.cost)}</p>
      <dl>
        {rows.map(([f, label, v, text]) => <div><dt>{label}</dt><dd data-field={f} data-value={v}>{text}</dd></div>)}
      </dl>
    </section>
  );
}

function LimitsCard({ provider, name, read }: { provider: 'codex' | 'claude'; name: string; read: RateLimitUsage }) {
  const info = read.error_info;
  const l = rateLimits(provider, read.usage);
  return (
    <section class="limit-card" aria-labelledby={`limits-${provider}`} data-provider={provider}>
      <h3 id={`limits-${provider}`}>{name}</h3>
      {info && !read.usage ? (
        <p class="muted" data-code={info.code}>{info.message ?? info.code}</p>
      ) : l.windows.length === 0 ? (
        <p class="muted">No window reported.</p>
      ) : (
        <ul class="windows">
          {l.windows.map((w) => (
            <li data-window={w.key}>
              <span class="window-label" id={`w-${provider}-${w.key}`}>{w.label}</span>
              {w.usedPercent !== null ? (
                <>
                  <progress max={100} value={Math.min(100, w.usedPercent)} aria-labelledby={`w-${provider}-${w.key}`}>{percent(w.usedPercent)}</progress>
                  <span data-field="used" data-value={w.usedPercent}>{percent(w.usedPercent)} used</span>
                </>
              ) : <span class="muted">use not reported</span>}
              {w.resetsAtMs !== null && <span class="muted">resets {new Date(w.resetsAtMs).toLocaleString()}</span>}
              {w.status && w.status !== 'allowed' && <span class="notice">{w.status.replace(/_/g, ' ')}</span>}
            </li>
          ))}
        </ul>
      )}
      {l.reached && <p class="notice" role="status">Limit reached: {l.reached}</p>}
      {(l.plan || l.fetchedAtMs !== null) && (
        <p class="muted">{l.plan && <>Plan: {l.plan}. </>}{l.fetchedAtMs !== null && <>Reported {new Date(l.fetchedAtMs).toLocaleString()}.</>}</p>
      )}
      {info && read.usage && <p class="notice">{info.message ?? info.code}</p>}
    </section>
  );
}
