import { describe, expect, it } from 'vitest';
import {
  DAY, compact, count, dayBars, describeBars, duration, groupBars, lastDays, percent, rateLimits, todayStart, topSessions, usd,
  type UsageGroup,
} from './usage';

const T = 1_700_000_000 - (1_700_000_000 % DAY);
const g = (over: Partial<UsageGroup>): UsageGroup => ({ turn_count: 1, tokens: { total_tokens: 100 }, total_cost_usd: 0.5, ...over });

describe('ranges', () => {
  it('ends with today and is half-open', () => {
    expect(lastDays(1, T)).toEqual({ todayStart: T, start: T, end: T + DAY, days: 1 });
    const r = lastDays(7, T);
    expect((r.end - r.start) / DAY).toBe(7);
    expect(r.start).toBe(T - 6 * DAY);
  });

  it('anchors today at the local midnight', () => {
    const now = new Date(2026, 2, 14, 17, 45, 12);
    const t = todayStart(now);
    expect(new Date(t * 1000).getHours()).toBe(0);
    expect(new Date(t * 1000).getDate()).toBe(14);
    expect(t).toBeLessThanOrEqual(now.getTime() / 1000);
  });
});

describe('bars', () => {
  it('fills the days without turns so every day of the range has its bar', () => {
    const r = lastDays(4, T);
    const bars = dayBars([g({ group_key: String(T - 2 * DAY), day_start_unix: T - 2 * DAY, total_cost_usd: 1.25 }),
      g({ group_key: String(T), day_start_unix: T, tokens: { total_tokens: 7 } })], r, 'cost', (t) => `d${(t - r.start) / DAY}`);
    expect(bars.map((b) => [b.label, b.value])).toEqual([['d0', 0], ['d1', 1.25], ['d2', 0], ['d3', 0.5]]);
    expect(bars[3]).toMatchObject({ key: String(T), tokens: 7, turns: 1 });
    expect(dayBars([], r, 'tokens').every((b) => b.value === 0 && b.turns === 0)).toBe(true);
  });

  it('reads a day by its key when day_start_unix is missing', () => {
    const bars = dayBars([g({ group_key: String(T) })], lastDays(1, T), 'tokens');
    expect(bars[0].value).toBe(100);
  });

  it('keeps the server order of groups and picks the metric', () => {
    const groups = [g({ group_key: 'Opus', total_cost_usd: 3 }), g({ group_key: 'Haiku', total_cost_usd: 1, tokens: { total_tokens: 9000 } })];
    expect(groupBars(groups, 'cost').map((b) => [b.label, b.value])).toEqual([['Opus', 3], ['Haiku', 1]]);
    expect(groupBars(groups, 'tokens')[1].value).toBe(9000);
  });

  it('says a chart in words', () => {
    const bars = groupBars([g({ group_key: 'claude', total_cost_usd: 2 }), g({ group_key: 'codex', total_cost_usd: 0.25 })], 'cost');
    expect(describeBars('Cost per provider', bars, 'cost')).toBe('Cost per provider: $2.25 in all over 2 entries (2 with usage); highest $2.00 for claude.');
    expect(describeBars('Tokens per day', [], 'tokens')).toBe('Tokens per day: no usage.');
    expect(describeBars('Tokens per day', dayBars([], lastDays(3, T), 'tokens'), 'tokens')).toBe('Tokens per day: no usage in 3 entries.');
  });
});

describe('top sessions', () => {
  it('ranks by the breakdown and names from the page, falling back to the id', () => {
    const ranked = [g({ group_key: 'od-b', session_id: 'od-b', provider: 'codex', total_cost_usd: 2 }), g({ group_key: 'od-a', session_id: 'od-a', provider: 'claude' })];
    const page = [{ session_id: 'od-a', display_name: 'Fix the build', project_name: 'flightdeck', model: 'Sonnet' }];
    const top = topSessions(ranked, page, 5);
    expect(top.map((s) => [s.id, s.name, s.provider, s.model, s.project])).toEqual([
      ['od-b', 'od-b', 'codex', '', ''],
      ['od-a', 'Fix the build', 'claude', 'Sonnet', 'flightdeck'],
    ]);
    expect(topSessions(ranked, page, 1)).toHaveLength(1);
  });
});

describe('numbers', () => {
  it('shows dollars with cents, and small costs with four decimals', () => {
    expect(usd(0)).toBe('$0.00');
    expect(usd(1234.567)).toBe('$1,234.57');
    expect(usd(1)).toBe('$1.00');
    expect(usd(0.012345)).toBe('$0.0123');
    expect(usd(0.00001)).toBe('<$0.0001');
    expect(usd(-2.5)).toBe('-$2.50');
  });

  it('counts and abbreviates', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(compact(999)).toBe('999');
    expect(compact(1500)).toBe('1.5k');
    expect(compact(2_000_000)).toBe('2M');
    expect(duration(300)).toBe('5 hours');
    expect(duration(10080)).toBe('7 days');
    expect(duration(90)).toBe('90 minutes');
    expect(duration(60)).toBe('1 hour');
    expect(percent(42)).toBe('42%');
    expect(percent(12.345)).toBe('12.3%');
  });
});

describe('rate limits', () => {
  it('reads Codex windows', () => {
    const l = rateLimits('codex', {
      primary: { used_percent: 42, window_duration_mins: 300, resets_at_unix: 1_893_456_000 },
      secondary: { used_percent: 7, window_duration_mins: 10080 },
      rate_limit_reached_type: 'primary', plan_type: 'plus', fetched_at_unix: 100,
    });
    expect(l.windows).toEqual([
      { key: 'primary', label: 'Primary window (5 hours)', usedPercent: 42, resetsAtMs: 1_893_456_000_000 },
      { key: 'secondary', label: 'Secondary window (7 days)', usedPercent: 7, resetsAtMs: null },
    ]);
    expect(l).toMatchObject({ reached: 'primary', plan: 'plus', fetchedAtMs: 100_000 });
  });

  it('reads Claude windows in a fixed order', () => {
    const l = rateLimits('claude', {
      seven_day: { utilization: 80, status: 'allowed_warning' },
      five_hour: { utilization: 12.5, resets_at: '2030-01-01T00:00:00Z' },
      rate_limit_tier: 'max', status: 'rejected', fetched_at_unix: 5,
    });
    expect(l.windows.map((w) => [w.key, w.usedPercent, w.resetsAtMs, w.status])).toEqual([
      ['five_hour', 12.5, Date.UTC(2030, 0, 1), undefined],
      ['seven_day', 80, null, 'allowed_warning'],
    ]);
    expect(l).toMatchObject({ plan: 'max', reached: 'rejected' });
  });

  it('leaves a figure of the wrong type unknown rather than failing', () => {
    const l = rateLimits('codex', { primary: { used_percent: 'lots' }, secondary: 3 });
    expect(l.windows).toEqual([{ key: 'primary', label: 'Primary window', usedPercent: null, resetsAtMs: null }]);
    expect(rateLimits('claude', undefined)).toEqual({ windows: [], fetchedAtMs: null });
  });
});
