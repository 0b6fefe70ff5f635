import { describe, expect, it } from 'vitest';
import { DEVICE_ID, monthFileName, monthOf, monthsBetween, newDeviceId, parseFileName } from '../../../lib/sync/file-names';
import { seededRandom } from '../../support/seeded-random';

describe('sync file names', () => {
  it('files a session under its UTC month, whatever the local time zone says', () => {
    // 00:30 on 1 November in Paris is still October in UTC.
    expect(monthOf(new Date('2026-11-01T00:30:00+01:00').getTime())).toBe('2026-10');
    expect(monthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe('2026-12');
    expect(monthsBetween(Date.UTC(2026, 10, 30), Date.UTC(2027, 1, 1))).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('reads back the names it makes, and nothing else', () => {
    expect(parseFileName(monthFileName('abcdefghijklmnop', '2026-11'))).toEqual({ kind: 'sessions', device: 'abcdefghijklmnop', month: '2026-11' });
    expect(parseFileName('abcdefghijklmnop.device')).toEqual({ kind: 'device', device: 'abcdefghijklmnop' });
    expect(parseFileName('abcdefghijklmnop.tombstones')).toEqual({ kind: 'tombstones', device: 'abcdefghijklmnop' });
    for (const name of ['social-hours.key', '.DS_Store', 'abcdefghijklmnop.2026-13.sessions', 'ABCDEFGHIJKLMNOP.device', 'abcdefghijklmnop.device.bak']) expect(parseFileName(name)).toBeNull();
  });

  it('gives new devices ids of 16 letters and digits', () => {
    const random = seededRandom(7);
    const ids = Array.from({ length: 200 }, () => newDeviceId((n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256))));
    for (const id of ids) expect(id).toMatch(DEVICE_ID);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newDeviceId()).toMatch(DEVICE_ID);
  });
});
