import { describe, expect, it } from 'vitest';
import { flatten, settingsPatch } from './settings';

describe('mission settings', () => {
  it('flattens the front matter to dotted keys', () => {
    expect(flatten({ tracker: 'linear', provider: { strategy: 'single', max_concurrent: 2 }, trigger: { filters: { labels: ['agent', 'bot'] } }, concurrency: {} }))
      .toEqual([
        ['tracker', 'linear'],
        ['provider.strategy', 'single'],
        ['provider.max_concurrent', '2'],
        ['trigger.filters.labels', 'agent, bot'],
        ['concurrency', '(none)'],
      ]);
  });

  it('sends only the changed fields, and refuses what is not a whole number', () => {
    const current = { max_concurrent: '2', poll_interval: '30', max_retries: '3', stall_timeout: '0' };
    expect(settingsPatch(current, { ...current, max_concurrent: ' 4 ' })).toEqual({ body: { max_concurrent: 4 }, invalid: [] });
    expect(settingsPatch(current, current)).toEqual({ body: {}, invalid: [] });
    expect(settingsPatch(current, { ...current, poll_interval: '', max_retries: '-1' })).toEqual({ body: {}, invalid: ['poll_interval', 'max_retries'] });
  });
});
