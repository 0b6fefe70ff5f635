import { describe, expect, it } from 'vitest';
import type { ClientRecord, SessionRecord } from '../../../lib/db/records';
import { buildTodayView } from '../../../lib/reports/today';
import { HOUR, MINUTE } from '../../../lib/time/clock';

const day = new Date(2026, 10, 27).getTime();
const at = (h: number, m = 0) => day + h * HOUR + m * MINUTE;

function session(id: string, start: number, end: number, clientId: string | null, platform = 'facebook'): SessionRecord {
  return { id, start, end, clientId, platform, account: null, activity: 'browsing', source: 'auto', createdAt: start, updatedAt: start };
}

const clients: ClientRecord[] = [
  { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 0 },
  { id: 'martin', name: 'Fleuriste Martin', color: '#15803d', archived: false, createdAt: 0 },
];

describe("today's figures", () => {
  it('totals per client and per platform, unassigned last, yesterday left out', () => {
    const view = buildTodayView(
      [
        session('a', at(-1), at(-0.5), 'dupont'),
        session('b', at(9), at(10), 'dupont'),
        session('c', at(10), at(10, 30), 'martin', 'instagram'),
        session('d', at(11), at(13), null, 'linkedin'),
      ],
      null,
      clients,
      at(14),
    );
    expect(view.total).toBe(3.5 * HOUR);
    expect(view.clients.map((c) => [c.name, c.ms / MINUTE])).toEqual([
      ['Boulangerie Dupont', 60],
      ['Fleuriste Martin', 30],
      [null, 120],
    ]);
    expect(view.platforms.map((p) => [p.platform, p.ms / MINUTE])).toEqual([
      ['linkedin', 120],
      ['facebook', 60],
      ['instagram', 30],
    ]);
  });

  it('counts only the part of a session after midnight', () => {
    const view = buildTodayView([session('a', at(-1), at(1), 'dupont')], null, clients, at(2));
    expect(view.total).toBe(HOUR);
  });

  it('shows the open session at its live extent instead of its last stored copy', () => {
    const stored = [session('open', at(9), at(9, 5), 'dupont')];
    const live = { id: 'open', start: at(9), end: at(9, 20), clientId: 'dupont', platform: 'facebook' as const, account: 'x', activity: 'browsing' as const, assignedBy: null, ruleId: null, page: null };
    expect(buildTodayView(stored, live, clients, at(9, 20)).total).toBe(20 * MINUTE);
  });

  it('reads the time of a deleted client as unassigned', () => {
    const view = buildTodayView([session('a', at(9), at(10), 'gone'), session('b', at(10), at(11), null)], null, clients, at(12));
    expect(view.clients).toEqual([{ clientId: null, name: null, color: null, ms: 2 * HOUR }]);
  });

  it('is empty on the first day', () => {
    expect(buildTodayView([], null, [], at(9))).toMatchObject({ total: 0, clients: [], platforms: [] });
  });
});
