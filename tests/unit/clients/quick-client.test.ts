import { describe, expect, it } from 'vitest';
import { quickClient } from '../../../lib/clients/quick-client';
import type { ClientRecord } from '../../../lib/db/records';

const NOW = new Date(2026, 10, 18, 10).getTime();
const existing: ClientRecord = { id: 'c1', name: 'Fleuriste Martin', color: '#c2410c', archived: false, createdAt: 0 };

describe('quickClient', () => {
  it('makes a client from a name, without a contract, with the next colour', () => {
    const result = quickClient('  Boulangerie   Dupont ', [existing], 'c2', NOW);
    expect(result).toEqual({
      ok: true,
      client: {
        id: 'c2',
        name: 'Boulangerie Dupont',
        color: '#15803d',
        archived: false,
        createdAt: NOW,
        updatedAt: NOW,
        contracts: [{ from: '2026-11-01', period: 'none', hours: 0 }],
        hourlyRate: null,
        currency: 'EUR',
        roundingMinutes: 0,
      },
    });
  });

  it.each([
    ['', 'name-empty'],
    ['fleuriste martin', 'name-duplicate'],
    ['x'.repeat(81), 'name-too-long'],
  ])('refuses %j (%s)', (name, code) => {
    expect(quickClient(name, [existing], 'c2', NOW)).toEqual({ ok: false, problems: [{ field: 'name', code }] });
  });
});
