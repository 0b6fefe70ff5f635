import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/db/records';
import { carveOut } from '../../../lib/sessions/carve';
import { parseDurationMinutes, parseManualEntry, type ManualEntryForm } from '../../../lib/sessions/manual-entry';
import { splitSession } from '../../../lib/sessions/split';
import { MIN_TIMER_MS, timerSessions } from '../../../lib/sessions/timer';
import { HOUR, MINUTE } from '../../../lib/time/clock';
import { MAX_SESSION_MS } from '../../../lib/tracking/settings';

const day = new Date(2026, 10, 25).getTime();
const at = (h: number, m = 0) => day + h * HOUR + m * MINUTE;

function auto(id: string, start: number, end: number): SessionRecord {
  return { id, start, end, clientId: null, platform: 'facebook', account: 'x', activity: 'browsing', source: 'auto', createdAt: start, updatedAt: start };
}

describe('manual entries against automatic time', () => {
  const sessions = [
    auto('before', at(8), at(9)),
    auto('edge-in', at(9, 45), at(10, 15)),
    auto('inside', at(10, 20), at(10, 40)),
    auto('edge-out', at(10, 50), at(11, 30)),
    auto('around', at(12), at(15)),
  ];
  let ids = 0;
  const newId = () => `new${++ids}`;

  it('removes the covered time from automatic sessions so that nothing counts twice', () => {
    const call = { from: at(10), to: at(11) };
    const { puts, deletes } = carveOut(sessions, call, newId, 0);
    expect(deletes).toEqual(['inside']);
    expect(puts.map((s) => [s.id, s.start, s.end])).toEqual([
      ['edge-in', at(9, 45), at(10)],
      ['edge-out', at(11), at(11, 30)],
    ]);
  });

  it('splits an automatic session around the entry', () => {
    const { puts } = carveOut(sessions, { from: at(13), to: at(14) }, newId, 0);
    expect(puts.map((s) => [s.start, s.end])).toEqual([
      [at(12), at(13)],
      [at(14), at(15)],
    ]);
  });

  it('never touches other manual entries', () => {
    const manual = { ...auto('m', at(10), at(11)), source: 'manual' as const };
    expect(carveOut([manual], { from: at(10), to: at(11) }, newId, 0)).toEqual({ puts: [], deletes: [] });
  });
});

describe('manual entry form', () => {
  const form: ManualEntryForm = { clientId: 'dupont', kind: 'call', date: '2026-11-25', start: '14:30', duration: '1:15', note: ' Point mensuel ' };

  it('makes a manual session from a valid form', () => {
    const result = parseManualEntry(form, at(20), 'id1');
    expect(result).toMatchObject({
      ok: true,
      session: { id: 'id1', start: at(14, 30), end: at(15, 45), clientId: 'dupont', platform: 'manual', activity: 'call', source: 'manual', note: 'Point mensuel', assignedBy: 'user' },
    });
  });

  it.each([
    [{ clientId: '' }, 'client-missing'],
    [{ kind: 'lunch' }, 'kind-invalid'],
    [{ date: '25/11/2026' }, 'date-invalid'],
    [{ start: '25:00' }, 'start-invalid'],
    [{ duration: '0' }, 'duration-invalid'],
    [{ duration: 'une heure' }, 'duration-invalid'],
    [{ duration: '13:00' }, 'duration-too-long'],
    [{ duration: '1,30' }, 'duration-ambiguous'],
    [{ start: '19:30' }, 'in-future'],
    [{ note: 'x'.repeat(501) }, 'note-too-long'],
  ])('%j → %s', (change, problem) => {
    const result = parseManualEntry({ ...form, ...change }, at(20), 'id1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContain(problem);
  });

  it.each([
    ['1:30', 90],
    ['1h30', 90],
    ['1 h 30', 90],
    ['1H05', 65],
    ['45', 45],
    ['0:05', 5],
    [' 2:00 ', 120],
    // Decimal hours, as invoices write them, with either separator.
    ['1.5', 90],
    ['1,5', 90],
    ['1.5 h', 90],
    ['2h', 120],
    ['2 h', 120],
    ['45 min', 45],
    ['45min', 45],
    // With an h, decimal whatever the digits; a sixtieth of a minute goes to the nearest minute.
    ['1.33 h', 80],
    ['0,25 h', 15],
    // Two digits that could be minutes: 1.30 is 1 h 30 to many, 1.3 h to others. Refused.
    ['1.30', null],
    ['1,45', null],
    ['0,25', null],
    // Two digits that cannot be minutes are hundredths.
    ['1.75', 105],
    // Not a duration: refused, never guessed.
    ['1:75', null],
    ['1h60', null],
    ['1:5', null],
    ['1.', null],
    ['.5', null],
    ['1.234', null],
    ['1,5,0', null],
    ['-1', null],
    ['1:30:00', null],
    ['abc', null],
    ['', null],
  ])('reads the duration %j as %s minutes', (text, minutes) => expect(parseDurationMinutes(text)).toBe(minutes));
});

describe('splitting and the timer', () => {
  it('splits a session at a moment inside it, and refuses a moment outside', () => {
    const s = auto('a', at(9), at(10));
    expect(splitSession(s, at(9, 20), 'b', 1)?.map((x) => [x.id, x.start, x.end])).toEqual([
      ['a', at(9), at(9, 20)],
      ['b', at(9, 20), at(10)],
    ]);
    expect(splitSession(s, at(9), 'b', 1)).toBeNull();
    expect(splitSession(s, at(11), 'b', 1)).toBeNull();
  });

  it('turns a stopped timer into a manual session, in bounded pieces when it ran very long', () => {
    let n = 0;
    const newId = () => `t${++n}`;
    const timer = { clientId: 'dupont', kind: 'meeting' as const, startedAt: at(9) };
    expect(timerSessions(timer, at(10, 30), newId).map((s) => [s.start, s.end, s.platform, s.activity])).toEqual([[at(9), at(10, 30), 'manual', 'meeting']]);
    const long = timerSessions(timer, at(9) + MAX_SESSION_MS + HOUR, newId);
    expect(long.map((s) => s.end - s.start)).toEqual([MAX_SESSION_MS, HOUR]);
  });

  it('leaves nothing for a timer stopped under a minute after its start, and keeps one of a minute', () => {
    const timer = { clientId: 'dupont', kind: 'call' as const, startedAt: at(9) };
    expect(timerSessions(timer, at(9) + 2_000, () => 'x')).toEqual([]);
    expect(timerSessions(timer, at(9) + MIN_TIMER_MS - 1, () => 'x')).toEqual([]);
    expect(timerSessions(timer, at(9) + MIN_TIMER_MS, () => 'x').map((s) => s.end - s.start)).toEqual([MIN_TIMER_MS]);
    // The short end of a very long timer is real work: kept.
    expect(timerSessions(timer, at(9) + MAX_SESSION_MS + 10_000, () => 'x').map((s) => s.end - s.start)).toEqual([MAX_SESSION_MS, 10_000]);
  });
});
