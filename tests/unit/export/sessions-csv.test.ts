import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../lib/db/records';
import { sessionsCsv, sessionRows } from '../../../lib/export/sessions-csv';
import { parseIsoDate, weekRange } from '../../../lib/time/calendar';

const at = (y: number, mo: number, d: number, h: number, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();
const offset = (ts: number) => {
  const minutes = -new Date(ts).getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

function session(id: string, start: number, end: number, extra: Partial<SessionRecord> = {}): SessionRecord {
  return { id, start, end, clientId: 'dupont', platform: 'facebook', account: 'boulangerie-dupont', activity: 'browsing', source: 'auto', createdAt: 0, updatedAt: 0, ...extra };
}

const names: Record<string, string> = { dupont: 'Boulangerie Dupont', evil: '=HYPERLINK("http://x")' };
const clientName = (id: string | null) => (id ? (names[id] ?? '') : '');
const week = weekRange(at(2026, 11, 25, 12), 1);

describe('the sessions CSV', () => {
  it('has the contract columns and formats, one row per session and day', () => {
    const start = at(2026, 11, 25, 9, 15, 3);
    const csv = sessionsCsv([session('a', start, start + 90_500, { note: 'Réponse, "urgente"' })], week, { variant: 'standard', clientName });
    expect(csv).toBe(
      'date,start,end,minutes,client,platform,account,activity,source,note,seconds,member\r\n' +
        `2026-11-25,2026-11-25T09:15:03${offset(start)},2026-11-25T09:16:33${offset(start)},1.50,Boulangerie Dupont,facebook,boulangerie-dupont,browsing,auto,"Réponse, ""urgente""",90,\r\n`,
    );
  });

  it('names the member who recorded each row, at the end, neutralized like every name', () => {
    const start = at(2026, 11, 25, 9);
    const sessions = [session('a', start, start + 60_000, { recordedBy: 'laptop' }), session('b', start + 60_000, start + 120_000, { recordedBy: 'other' })];
    const members: Record<string, string> = { laptop: 'Marie', other: '@Lucas' };
    const rows = sessionRows(sessions, week, { clientName, memberName: (s) => members[s.recordedBy ?? ''] ?? '' });
    expect(rows.map((r) => r[11])).toEqual(['Marie', "'@Lucas"]);
  });

  it('splits a session across midnight into two dated rows', () => {
    const rows = sessionRows([session('a', at(2026, 11, 25, 23, 30), at(2026, 11, 26, 0, 45))], week, { clientName });
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ['2026-11-25', '30.00'],
      ['2026-11-26', '45.00'],
    ]);
  });

  it('keeps only the part of a session inside the range', () => {
    const rows = sessionRows([session('a', at(2026, 11, 22, 23, 0), at(2026, 11, 23, 1, 0))], week, { clientName });
    expect(rows.map((r) => [r[0], r[3]])).toEqual([['2026-11-23', '60.00']]);
  });

  it('writes an empty client for unassigned time and neutralises formulas in every text column', () => {
    const rows = sessionRows(
      [
        session('a', at(2026, 11, 24, 9), at(2026, 11, 24, 10), { clientId: null, account: '-1cmd', note: '@SUM(A1)' }),
        session('b', at(2026, 11, 24, 10), at(2026, 11, 24, 11), { clientId: 'evil', note: '+33 6 12' }),
      ],
      week,
      { clientName },
    );
    expect(rows.map((r) => [r[4], r[6], r[9]])).toEqual([
      ['', "'-1cmd", "'@SUM(A1)"],
      ["'=HYPERLINK(\"http://x\")", 'boulangerie-dupont', "'+33 6 12"],
    ]);
  });

  it('has a spreadsheet variant with semicolons, decimal commas and a byte-order mark', () => {
    const csv = sessionsCsv([session('a', at(2026, 11, 25, 9), at(2026, 11, 25, 9, 1, 30), { note: 'a;b' })], week, { variant: 'spreadsheet', clientName });
    expect(csv.startsWith('\uFEFFdate;start;end;minutes;client;')).toBe(true);
    expect(csv).toContain(';1,50;Boulangerie Dupont;facebook;');
    expect(csv).toContain(';"a;b";90;\r\n');
  });

  it.each([
    ['a start just before a second and an end on the next minute', [9, 0, 0, 999], [9, 1, 0, 0], ['09:00:00', '09:01:00', '1.00', '60']],
    ['both ends inside their seconds', [9, 0, 0, 600], [9, 0, 30, 300], ['09:00:00', '09:00:30', '0.50', '30']],
    ['one second and a sliver', [9, 0, 0, 900], [9, 0, 1, 100], ['09:00:00', '09:00:01', '0.02', '1']],
    ['seven and a half minutes and a sliver', [9, 0, 0, 0], [9, 7, 30, 2], ['09:00:00', '09:07:30', '7.50', '450']],
    ['a third of a minute', [9, 0, 0, 0], [9, 0, 20, 0], ['09:00:00', '09:00:20', '0.33', '20']],
    ['two thirds of a minute', [9, 0, 0, 0], [9, 0, 40, 0], ['09:00:00', '09:00:40', '0.67', '40']],
  ])("a row's duration follows from its printed start and end: %s", (_, [h1, m1, s1, ms1], [h2, m2, s2, ms2], [start, end, minutes, seconds]) => {
    const rows = sessionRows([session('a', at(2026, 11, 25, h1!, m1, s1) + ms1!, at(2026, 11, 25, h2!, m2, s2) + ms2!)], week, { clientName });
    expect(rows.map((r) => [r[1]!.slice(11, 19), r[2]!.slice(11, 19), r[3], r[10]])).toEqual([[start, end, minutes, seconds]]);
  });

  it.each([
    ['inside one second', at(2026, 11, 25, 9) + 100, at(2026, 11, 25, 9) + 900],
    ['no time at all', at(2026, 11, 25, 9), at(2026, 11, 25, 9)],
    ['a sliver after midnight', at(2026, 11, 25, 23, 59, 59) + 500, at(2026, 11, 26, 0) + 400],
  ])('leaves out a row shorter than a second once its ends are truncated: %s', (_, start, end) => {
    const rows = sessionRows([session('a', start, end)], week, { clientName });
    expect(rows.filter((r) => r[10] === '0')).toEqual([]);
    expect(rows.every((r) => Date.parse(r[2]!) - Date.parse(r[1]!) === Number(r[10]) * 1000)).toBe(true);
  });

  it('orders rows by time and gives just the header for an empty week', () => {
    expect(sessionsCsv([], week, { variant: 'standard', clientName })).toBe('date,start,end,minutes,client,platform,account,activity,source,note,seconds,member\r\n');
    const rows = sessionRows([session('b', at(2026, 11, 26, 9), at(2026, 11, 26, 10)), session('a', at(2026, 11, 24, 9), at(2026, 11, 24, 10))], week, { clientName });
    expect(rows.map((r) => r[0])).toEqual(['2026-11-24', '2026-11-26']);
  });
});

describe('daylight-saving days', () => {
  it('a session over the night the clocks go forward counts its real minutes', () => {
    // 28 → 29 March 2026 in Europe, 7 → 8 March in North America: use the local change of this zone.
    const spring = [at(2026, 3, 28, 22), at(2026, 3, 7, 22)].find((start) => new Date(start + 6 * 3_600_000).getTimezoneOffset() !== new Date(start).getTimezoneOffset());
    if (spring === undefined) return;
    const end = spring + 6 * 3_600_000;
    const rows = sessionRows([session('a', spring, end)], { from: parseIsoDate('2026-03-01')!, to: parseIsoDate('2026-04-01')! }, { clientName });
    const minutes = rows.reduce((sum, r) => sum + Number(r[3]), 0);
    expect(minutes).toBe(360);
    expect(rows[0]![0]).not.toBe(rows[1]![0]);
  });
});
