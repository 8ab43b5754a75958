import { describe, expect, it } from 'vitest';
import { expiryInstant, keyStatusText, sortTokens, tokenIdOf, tokenState, when } from './settings';

const ID = 'Ab_cd-EF12_z';
const SECRET = 'S'.repeat(20) + '_' + 'x-'.repeat(11);

describe('the signed-in token', () => {
  it('names its id by position, underscores and all', () => {
    expect(SECRET).toHaveLength(43);
    expect(tokenIdOf(`fdk_${ID}_${SECRET}`)).toBe(ID);
  });

  it('is no database token otherwise', () => {
    expect(tokenIdOf(null)).toBeNull();
    expect(tokenIdOf('a-static-token')).toBeNull();
    expect(tokenIdOf(`fdk_${ID}_${SECRET}x`)).toBeNull();
    expect(tokenIdOf(`fdk_${ID}-${SECRET}`)).toBeNull();
    expect(tokenIdOf(`odtk_${ID}_${SECRET}`)).toBeNull();
  });
});

describe('token list', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const tokens = [
    { id: 'old', created_at: '2026-01-01T00:00:00Z' },
    { id: 'gone', created_at: '2026-02-20T00:00:00Z', revoked_at: '2026-02-21T00:00:00Z' },
    { id: 'lapsed', created_at: '2026-02-25T00:00:00Z', expires_at: '2026-02-28T00:00:00Z' },
    { id: 'new', created_at: '2026-02-28T00:00:00Z', expires_at: '2027-01-01T00:00:00Z' },
  ];

  it('says which tokens still open the server', () => {
    expect(tokens.map((t) => tokenState(t, now))).toEqual(['live', 'revoked', 'expired', 'live']);
  });

  it('puts live tokens first, newest first', () => {
    expect(sortTokens(tokens, now).map((t) => t.id)).toEqual(['new', 'old', 'lapsed', 'gone']);
    expect(tokens[0].id).toBe('old');
  });

  it('shows a missing time as a dash', () => {
    expect(when(undefined)).toBe('—');
    expect(when('not a time')).toBe('not a time');
  });
});

describe('expiry', () => {
  it('turns the browser wall time into an instant', () => {
    const iso = expiryInstant('2030-05-04T10:30');
    expect(iso).toBe(new Date(2030, 4, 4, 10, 30).toISOString());
    expect(expiryInstant('  ')).toBeNull();
    expect(() => expiryInstant('soon')).toThrow('not a date');
  });
});

describe('tracker keys', () => {
  it('says where the key in force comes from', () => {
    expect(keyStatusText('linear', { configured: true, source: 'env' })).toContain('LINEAR_API_KEY');
    expect(keyStatusText('github', { configured: true, source: 'settings' })).toMatch(/stored/);
    expect(keyStatusText('github', { configured: false })).toBe('Not configured');
    expect(keyStatusText('github', undefined)).toBe('Not configured');
  });
});
