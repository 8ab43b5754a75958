import type { components } from '../api/schema.gen';

export type UsageGroup = components['schemas']['UsageGroup'];
export type UsageSession = components['schemas']['UsageSession'];
export type Metric = 'cost' | 'tokens';

// The server's days are fixed 86,400-second steps from the caller's anchor (contract §1.11), not
// calendar days: the console must step the same way or its empty days would not line up.
export const DAY = 86_400;

/** The browser's local midnight today, in Unix seconds: the anchor of "today" and of every day. */
export function todayStart(now: Date): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return Math.floor(d.getTime() / 1000);
}

export interface Range {
  todayStart: number;
  start: number;
  end: number;
  days: number;
}

/** The last `days` days ending with today, as the half-open [start, end) the routes take. */
export function lastDays(days: number, today: number): Range {
  return { todayStart: today, start: today - (days - 1) * DAY, end: today + DAY, days };
}

export interface Bar {
  key: string;
  label: string;
  value: number;
  cost: number;
  tokens: number;
  turns: number;
}

export function valueOf(g: UsageGroup, metric: Metric): number {
  return metric === 'cost' ? g.total_cost_usd ?? 0 : g.tokens?.total_tokens ?? 0;
}

function bar(key: string, label: string, g: UsageGroup | undefined, metric: Metric): Bar {
  return {
    key,
    label,
    value: g ? valueOf(g, metric) : 0,
    cost: g?.total_cost_usd ?? 0,
    tokens: g?.tokens?.total_tokens ?? 0,
    turns: g?.turn_count ?? 0,
  };
}

/**
 * One bar per day of the range, oldest first. The breakdown only has days with turns; a chart
 * without the empty days would put a busy Monday next to a busy Friday and hide the gap.
 */
export function dayBars(groups: UsageGroup[], range: Range, metric: Metric, label = dayLabel): Bar[] {
  const byDay = new Map(groups.map((g) => [g.day_start_unix ?? Number(g.group_key), g]));
  const out: Bar[] = [];
  for (let t = range.start; t < range.end; t += DAY) out.push(bar(String(t), label(t), byDay.get(t), metric));
  return out;
}

/** Provider or model groups as bars, in the server's order (costliest first). */
export function groupBars(groups: UsageGroup[], metric: Metric, label: (g: UsageGroup) => string = (g) => g.group_key ?? '?'): Bar[] {
  return groups.map((g) => bar(g.group_key ?? '', label(g), g, metric));
}

export interface TopSession {
  id: string;
  name: string;
  provider: string;
  model: string;
  project: string;
  turns: number;
  tokens: number;
  cost: number;
}

/**
 * The costliest sessions of the range. The session breakdown ranks them (over every session, costliest
 * first); the sessions page only lends names, since it is ordered by recency and capped at 500.
 */
export function topSessions(ranked: UsageGroup[], page: UsageSession[], n: number): TopSession[] {
  const named = new Map(page.map((s) => [s.session_id, s]));
  return ranked.slice(0, n).map((g) => {
    const id = g.session_id ?? g.group_key ?? '';
    const s = named.get(id);
    return {
      id,
      name: s?.display_name || s?.context_line || id,
      provider: g.provider ?? s?.provider ?? '',
      model: g.model ?? s?.model ?? '',
      project: s?.project_name ?? s?.project_path ?? '',
      turns: g.turn_count ?? 0,
      tokens: g.tokens?.total_tokens ?? 0,
      cost: g.total_cost_usd ?? 0,
    };
  });
}

const INT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const USD2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Dollars as a person reads them: cents from a dollar up; below, four decimals, since one scripted
 * or cheap turn costs a fraction of a cent and "$0.00" would read as free.
 */
export function usd(v: number): string {
  if (v === 0) return '$0.00';
  const a = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  if (a >= 1) return `${sign}$${USD2.format(a)}`;
  if (a < 0.00005) return `${sign}<$0.0001`;
  return `${sign}$${a.toFixed(4)}`;
}

export function count(n: number): string {
  return INT.format(n);
}

/** Axis-sized numbers: 1.2k, 3.4M. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${trim(n / 1e9)}G`;
  if (a >= 1e6) return `${trim(n / 1e6)}M`;
  if (a >= 1e3) return `${trim(n / 1e3)}k`;
  return String(Math.round(n));
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

export function figure(v: number, metric: Metric): string {
  return metric === 'cost' ? usd(v) : count(v);
}

export function dayLabel(unix: number): string {
  return new Date(unix * 1000).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' });
}

/** What a chart says to a screen reader: its extent, its peak and its sum, in words. */
export function describeBars(title: string, bars: Bar[], metric: Metric): string {
  if (bars.length === 0) return `${title}: no usage.`;
  const total = bars.reduce((s, b) => s + b.value, 0);
  if (total === 0) return `${title}: no usage in ${bars.length === 1 ? 'the one entry' : `${bars.length} entries`}.`;
  const peak = bars.reduce((m, b) => (b.value > m.value ? b : m), bars[0]);
  const busy = bars.filter((b) => b.value > 0).length;
  return `${title}: ${figure(total, metric)} in all over ${bars.length} entries (${busy} with usage); highest ${figure(peak.value, metric)} for ${peak.label}.`;
}

export interface Window {
  key: string;
  label: string;
  usedPercent: number | null;
  resetsAtMs: number | null;
  status?: string;
}

export interface Limits {
  windows: Window[];
  reached?: string;
  plan?: string;
  fetchedAtMs: number | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const CLAUDE_WINDOWS: [string, string][] = [
  ['five_hour', '5-hour window'],
  ['seven_day', 'Weekly window'],
  ['seven_day_sonnet', 'Weekly, Sonnet'],
  ['seven_day_opus', 'Weekly, Opus'],
];

/**
 * usage/codex and usage/claude's `usage`, which the document types only as an object, read into
 * windows defensively: a field missing or of another type leaves that figure unknown, not a crash.
 */
export function rateLimits(provider: 'codex' | 'claude', usage: unknown): Limits {
  const u = obj(usage) ?? {};
  const fetched = num(u.fetched_at_unix);
  const out: Limits = { windows: [], fetchedAtMs: fetched === null ? null : fetched * 1000 };
  if (provider === 'codex') {
    for (const side of ['primary', 'secondary']) {
      const w = obj(u[side]);
      if (!w) continue;
      const mins = num(w.window_duration_mins);
      const at = num(w.resets_at_unix);
      out.windows.push({
        key: side,
        label: `${side === 'primary' ? 'Primary' : 'Secondary'} window${mins ? ` (${duration(mins)})` : ''}`,
        usedPercent: num(w.used_percent),
        resetsAtMs: at === null ? null : at * 1000,
      });
    }
    out.reached = str(u.rate_limit_reached_type);
    out.plan = str(u.plan_type);
  } else {
    for (const [key, label] of CLAUDE_WINDOWS) {
      const w = obj(u[key]);
      if (!w) continue;
      const at = str(w.resets_at);
      const ms = at ? Date.parse(at) : NaN;
      out.windows.push({ key, label, usedPercent: num(w.utilization), resetsAtMs: Number.isNaN(ms) ? null : ms, status: str(w.status) });
    }
    out.plan = str(u.rate_limit_tier);
    if (str(u.status) === 'rejected') out.reached = 'rejected';
  }
  return out;
}

/** Minutes as the window's length reads: 300 → "5 hours", 10080 → "7 days". */
export function duration(mins: number): string {
  if (mins % 1440 === 0) return plural(mins / 1440, 'day');
  if (mins % 60 === 0) return plural(mins / 60, 'hour');
  return plural(mins, 'minute');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A percentage as shown beside its bar: whole numbers stay whole, others keep one decimal. */
export function percent(p: number): string {
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}
