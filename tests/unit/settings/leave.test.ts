import { describe, expect, it } from 'vitest';
import { addLeave } from '../../../lib/settings/leave';

const august = { from: '2026-08-03', to: '2026-08-14' };
const christmas = { from: '2026-12-24', to: '2027-01-01' };

describe('adding leave', () => {
  it.each([
    ['a first range', [], '2026-08-03', '2026-08-14', { ok: true, leave: [august] }],
    ['a single day (no end given)', [], '2026-12-24', '', { ok: true, leave: [{ from: '2026-12-24', to: '2026-12-24' }] }],
    ['kept in date order', [christmas], '2026-08-03', '2026-08-14', { ok: true, leave: [august, christmas] }],
    ['an end before the start', [], '2026-08-14', '2026-08-03', { ok: false, code: 'leave-end-before-start' }],
    ['no start', [], '', '2026-08-03', { ok: false, code: 'leave-date-invalid' }],
    ['an impossible date', [], '2026-02-30', '', { ok: false, code: 'leave-date-invalid' }],
    ['the same range twice', [august], '2026-08-03', '2026-08-14', { ok: false, code: 'leave-duplicate' }],
  ] as const)('%s', (_name, leave, from, to, expected) => {
    expect(addLeave([...leave], from, to)).toEqual(expected);
  });
});
