import { describe, expect, it } from 'vitest';
import { hoursText, parseClientForm, typedContractMinutes, withTerm, type ClientForm } from '../../../lib/clients/client-form';

const valid: ClientForm = {
  name: 'Boulangerie Dupont',
  color: '#C2410C',
  period: 'day',
  hours: '1,5',
  from: '2026-11-01',
  hourlyRate: '45,50',
  currency: 'eur',
  roundingMinutes: '15',
  carryOver: false,
  carryCapHours: '',
  details: '',
};
const others = [{ id: 'c1', name: 'Fleuriste Martin' }];

describe('client form', () => {
  it('accepts a valid form, with decimal commas', () => {
    expect(parseClientForm(valid, others, null)).toEqual({
      ok: true,
      value: {
        name: 'Boulangerie Dupont',
        color: '#c2410c',
        term: { from: '2026-11-01', period: 'day', hours: 1.5 },
        hourlyRate: 45.5,
        currency: 'EUR',
        roundingMinutes: 15,
      },
    });
  });

  it.each([
    [{ name: '   ' }, 'name-empty'],
    [{ name: 'fleuriste  MARTIN' }, 'name-duplicate'],
    [{ hours: '-1' }, 'hours-negative'],
    [{ hours: '25' }, 'hours-over-day'],
    [{ period: 'week' as const, hours: '169' }, 'hours-over-week'],
    [{ period: 'month' as const, hours: '800' }, 'hours-over-month'],
    [{ hours: 'deux' }, 'hours-not-a-number'],
    [{ hours: '' }, 'hours-missing'],
    [{ hourlyRate: '45 €' }, 'rate-invalid'],
    [{ hourlyRate: '-3' }, 'rate-invalid'],
    [{ hourlyRate: '45,505' }, 'rate-invalid'],
    [{ currency: 'EURO' }, 'currency-invalid'],
    [{ from: '2026-02-30' }, 'date-invalid'],
    [{ roundingMinutes: '7' }, 'rounding-invalid'],
    [{ color: 'red' }, 'color-invalid'],
    [{ details: 'x'.repeat(1001) }, 'details-invalid'],
    [{ details: 'Mme Dupont\u0000' }, 'details-invalid'],
  ])('%j → %s', (change, code) => {
    const result = parseClientForm({ ...valid, ...change }, others, null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toContain(code);
  });

  it('keeps the details as lines, without trailing spaces or blank lines around them, and none when empty', () => {
    const result = parseClientForm({ ...valid, details: '\r\nMme Dupont  \r\n3 place du Marché\n\n69002 Lyon\n \n' }, others, null);
    expect(result.ok && result.value.details).toBe('Mme Dupont\n3 place du Marché\n\n69002 Lyon');
    const empty = parseClientForm({ ...valid, details: ' \n ' }, others, null);
    expect(empty.ok && 'details' in empty.value).toBe(false);
  });

  it('lets a client keep its own name when edited, and needs no hours without a contract', () => {
    expect(parseClientForm({ ...valid, name: 'Fleuriste Martin' }, others, 'c1').ok).toBe(true);
    expect(parseClientForm({ ...valid, period: 'none', hours: '' }, others, null).ok).toBe(true);
  });
});

describe('contract hours in whole minutes', () => {
  it.each([
    ['1,5', 90],
    ['1.505', 90],
    ['1.3333', 80],
    ['0,25', 15],
    ['7.999', 480],
    ['0.004', 0],
  ])('%s h is kept as %i min, rounded to the nearest minute', (hours, minutes) => {
    const result = parseClientForm({ ...valid, hours }, others, null);
    expect(result.ok && result.value.term.hours * 60).toBeCloseTo(minutes, 9);
    expect(typedContractMinutes(hours)).toBe(minutes);
  });

  it.each([
    [90, '1.5'],
    [80, '1.3333'],
    [600, '10'],
    [1, '0.0167'],
  ])('%i min is shown in the form as %s h, which reads back as the same minutes', (minutes, text) => {
    expect(hoursText(minutes)).toBe(text);
    expect(typedContractMinutes(text)).toBe(minutes);
  });

  it('has nothing to show for hours that are not a number', () => {
    expect(typedContractMinutes('deux')).toBeNull();
    expect(typedContractMinutes('')).toBeNull();
  });
});

describe('carry-over', () => {
  const weekly = { ...valid, period: 'week' as const, hours: '10' };

  it.each([
    ['on, with a cap in hours', { carryOver: true, carryCapHours: '2,5' }, { enabled: true, capMinutes: 150 }],
    ['on, cap rounded to the minute', { carryOver: true, carryCapHours: '1.001' }, { enabled: true, capMinutes: 60 }],
    ['off: nothing stored, whatever the cap says', { carryOver: false, carryCapHours: 'abc' }, undefined],
    ['a daily contract: no period to carry into', { period: 'day' as const, hours: '2', carryOver: true, carryCapHours: '1' }, undefined],
  ])('%s', (_name, change, carryOver) => {
    const result = parseClientForm({ ...weekly, ...change }, others, null);
    expect(result.ok && result.value.term.carryOver).toEqual(carryOver);
  });

  it.each([
    ['no cap', { carryOver: true, carryCapHours: '' }],
    ['a cap that is not a number', { carryOver: true, carryCapHours: 'deux' }],
    ['a negative cap', { carryOver: true, carryCapHours: '-1' }],
    ['a cap longer than the period', { carryOver: true, carryCapHours: '169' }],
  ])('refuses %s', (_name, change) => {
    const result = parseClientForm({ ...weekly, ...change }, others, null);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toContain('carry-cap-invalid');
  });

  it('a changed carry-over is a new term; the same one changes nothing', () => {
    const start = [{ from: '2026-01-01', period: 'week' as const, hours: 10 }];
    const withCarry = { from: '2026-06-01', period: 'week' as const, hours: 10, carryOver: { enabled: true, capMinutes: 120 } };
    expect(withTerm(start, withCarry)).toEqual([...start, withCarry]);
    expect(withTerm([...start, withCarry], { ...withCarry, from: '2026-07-01' })).toEqual([...start, withCarry]);
  });
});

describe('contract history', () => {
  it('adds a term for a change, keeps history sorted, replaces a term of the same date, ignores no change', () => {
    const start = [{ from: '2026-01-01', period: 'week' as const, hours: 10 }];
    expect(withTerm(start, { from: '2026-06-01', period: 'week', hours: 10 })).toEqual(start);
    const changed = withTerm(start, { from: '2026-06-01', period: 'week', hours: 12 });
    expect(changed).toEqual([...start, { from: '2026-06-01', period: 'week', hours: 12 }]);
    expect(withTerm(changed, { from: '2026-06-01', period: 'day', hours: 2 })).toEqual([...start, { from: '2026-06-01', period: 'day', hours: 2 }]);
    expect(withTerm(changed, { from: '2025-06-01', period: 'day', hours: 1 })[0]).toEqual({ from: '2025-06-01', period: 'day', hours: 1 });
  });
});
