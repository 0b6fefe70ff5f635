import type { ClientRecord, ContractPeriod, ContractTerm, RoundingMinutes } from '../db/records';
import { ROUNDING_CHOICES } from '../db/records';
import { MAX_CLIENT_DETAILS, MAX_CONTRACT_HOURS, MAX_HOURLY_RATE } from '../schema/client';
import { parseIsoDate } from '../time/calendar';

/** What the client form holds: text, as typed. */
export interface ClientForm {
  name: string;
  color: string;
  period: ContractPeriod | 'none';
  hours: string;
  /** `YYYY-MM-DD`: the contract as entered applies from this date. */
  from: string;
  hourlyRate: string;
  currency: string;
  roundingMinutes: string;
  /** Weekly and monthly contracts: carry unused time to the next period, up to `carryCapHours`. */
  carryOver: boolean;
  carryCapHours: string;
  /** Contact and address for the reports, several lines. */
  details: string;
}

export type ClientProblem =
  | { field: 'name'; code: 'name-empty' | 'name-duplicate' | 'name-too-long' }
  | { field: 'color'; code: 'color-invalid' }
  | { field: 'hours'; code: 'hours-not-a-number' | 'hours-negative' | 'hours-over-day' | 'hours-over-week' | 'hours-over-month' | 'hours-missing' }
  | { field: 'from'; code: 'date-invalid' }
  | { field: 'carryCapHours'; code: 'carry-cap-invalid' }
  | { field: 'hourlyRate'; code: 'rate-invalid' }
  | { field: 'currency'; code: 'currency-invalid' }
  | { field: 'roundingMinutes'; code: 'rounding-invalid' }
  | { field: 'details'; code: 'details-invalid' };

export interface ClientValues {
  name: string;
  color: string;
  term: ContractTerm;
  hourlyRate: number | null;
  currency: string;
  roundingMinutes: RoundingMinutes;
  /** Absent when left empty. */
  details?: string;
}

export const MAX_NAME_LENGTH = 80;


/** Numbers as people type them in English or French: `1.5`, `1,5`, ` 2 `. */
export function parseDecimal(text: string): number | null {
  const normalized = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(normalized)) return null;
  return Number(normalized);
}

export function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;
}

/**
 * The contract hours as typed, in the whole minutes they will count for (nearest minute:
 * `1.505` h is 90 min), so the form can show what is saved; null when not a number.
 */
export function typedContractMinutes(text: string): number | null {
  const hours = text.trim() === '' ? null : parseDecimal(text);
  return hours === null ? null : Math.round(hours * 60);
}

/** Whole minutes as hours for the form to show: four decimals read back as the same minutes. */
export function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 10_000) / 10_000);
}

function validCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a client form against the rules users are told: a name that is neither empty nor
 * another client's, hours that fit the period, a rate that is a number. Returns the values
 * to save, or every problem at once.
 */
export function parseClientForm(
  form: ClientForm,
  others: readonly Pick<ClientRecord, 'id' | 'name'>[],
  editingId: string | null,
): { ok: true; value: ClientValues } | { ok: false; problems: ClientProblem[] } {
  const problems: ClientProblem[] = [];
  const name = form.name.trim().replace(/\s+/g, ' ');
  if (name === '') problems.push({ field: 'name', code: 'name-empty' });
  else if (name.length > MAX_NAME_LENGTH) problems.push({ field: 'name', code: 'name-too-long' });
  else if (others.some((c) => c.id !== editingId && sameName(c.name, name))) problems.push({ field: 'name', code: 'name-duplicate' });

  if (!/^#[0-9a-fA-F]{6}$/.test(form.color)) problems.push({ field: 'color', code: 'color-invalid' });

  let hours = 0;
  if (form.period !== 'none') {
    const parsed = form.hours.trim() === '' ? null : parseDecimal(form.hours);
    if (form.hours.trim() === '') problems.push({ field: 'hours', code: 'hours-missing' });
    else if (parsed === null) problems.push({ field: 'hours', code: 'hours-not-a-number' });
    else if (parsed < 0) problems.push({ field: 'hours', code: 'hours-negative' });
    else if (parsed > MAX_CONTRACT_HOURS[form.period]) problems.push({ field: 'hours', code: `hours-over-${form.period}` });
    // Targets count whole minutes: what is stored is what counts, not the extra seconds typed.
    else hours = Math.round(parsed * 60) / 60;
  }
  let carryOver: ContractTerm['carryOver'];
  if (form.carryOver && (form.period === 'week' || form.period === 'month')) {
    const cap = typedContractMinutes(form.carryCapHours);
    if (cap === null || cap < 0 || cap > MAX_CONTRACT_HOURS[form.period] * 60) problems.push({ field: 'carryCapHours', code: 'carry-cap-invalid' });
    else carryOver = { enabled: true, capMinutes: cap };
  }
  if (parseIsoDate(form.from) === null) problems.push({ field: 'from', code: 'date-invalid' });

  let hourlyRate: number | null = null;
  if (form.hourlyRate.trim() !== '') {
    const rate = parseDecimal(form.hourlyRate);
    // Money is counted in cents: a third decimal would be rounded away unseen.
    if (rate === null || rate < 0 || rate > MAX_HOURLY_RATE || /[.,]\d{3}/.test(form.hourlyRate)) problems.push({ field: 'hourlyRate', code: 'rate-invalid' });
    else hourlyRate = rate;
  }
  const currency = form.currency.trim().toUpperCase();
  if (!validCurrency(currency)) problems.push({ field: 'currency', code: 'currency-invalid' });

  const rounding = Number(form.roundingMinutes);
  if (!ROUNDING_CHOICES.includes(rounding as RoundingMinutes)) problems.push({ field: 'roundingMinutes', code: 'rounding-invalid' });

  // Lines keep their order; spaces at their ends and blank lines around the block are noise.
  const details = form.details.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').replace(/^\n+|\n+$/g, '');
  if (details.length > MAX_CLIENT_DETAILS || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(details)) problems.push({ field: 'details', code: 'details-invalid' });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      color: form.color.toLowerCase(),
      term: carryOver ? { from: form.from, period: form.period, hours, carryOver } : { from: form.from, period: form.period, hours },
      hourlyRate,
      currency,
      roundingMinutes: rounding as RoundingMinutes,
      ...(details ? { details } : {}),
    },
  };
}

/**
 * Adds a contract term to a history: a term from the same date replaces it, and a term that
 * says what is already in force changes nothing. Past days stay judged by older terms.
 */
export function withTerm(contracts: readonly ContractTerm[] | undefined, term: ContractTerm): ContractTerm[] {
  const history = [...(contracts ?? [])].sort((a, b) => a.from.localeCompare(b.from));
  const inForce = [...history].reverse().find((t) => t.from <= term.from);
  const sameCarry = (inForce?.carryOver?.enabled ? inForce.carryOver.capMinutes : null) === (term.carryOver?.enabled ? term.carryOver.capMinutes : null);
  if (inForce && inForce.period === term.period && ((inForce.hours === term.hours && sameCarry) || term.period === 'none')) return history;
  return [...history.filter((t) => t.from !== term.from), term].sort((a, b) => a.from.localeCompare(b.from));
}
