import type { ClientRecord } from '../db/records';
import { isoDate, monthRange } from '../time/calendar';
import { parseClientForm, type ClientProblem } from './client-form';

/** Colours given to new clients in turn, so that neighbours in a chart differ. */
export const PALETTE = ['#c2410c', '#15803d', '#1d4ed8', '#7e22ce', '#be185d', '#0f766e', '#a16207', '#4338ca'];

/**
 * A client from a name alone (the "+ New client" of a picker, a suggestion): no contract
 * yet, the defaults of the full form, and the same checks on the name. The contract can be
 * added later in the Clients section.
 */
export function quickClient(
  name: string,
  clients: readonly ClientRecord[],
  id: string,
  now: number,
): { ok: true; client: ClientRecord } | { ok: false; problems: ClientProblem[] } {
  const parsed = parseClientForm(
    {
      name,
      color: PALETTE[clients.length % PALETTE.length]!,
      period: 'none',
      hours: '',
      from: isoDate(monthRange(now).from),
      hourlyRate: '',
      currency: 'EUR',
      roundingMinutes: '0',
      carryOver: false,
      carryCapHours: '',
      details: '',
    },
    clients,
    null,
  );
  if (!parsed.ok) return parsed;
  const { value } = parsed;
  return {
    ok: true,
    client: {
      id,
      name: value.name,
      color: value.color,
      archived: false,
      createdAt: now,
      updatedAt: now,
      contracts: [value.term],
      hourlyRate: value.hourlyRate,
      currency: value.currency,
      roundingMinutes: value.roundingMinutes,
    },
  };
}
