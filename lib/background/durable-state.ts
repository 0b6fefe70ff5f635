import * as v from 'valibot';
import { MANUAL_KINDS } from '../db/records';
import type { DurableState } from './tracking-service';

const Time = v.pipe(v.number(), v.finite(), v.minValue(0));
const Schemas = {
  paused: v.boolean(),
  timer: v.nullable(v.object({ clientId: v.string(), kind: v.picklist(MANUAL_KINDS), startedAt: Time, note: v.optional(v.string()) })),
  override: v.nullable(v.object({ clientId: v.string(), until: v.nullable(Time) })),
  away: v.nullable(v.object({ from: Time, to: Time })),
};

export const DURABLE_KEYS = Object.keys(Schemas) as Array<keyof DurableState>;

const DEFAULTS: DurableState = { paused: false, timer: null, override: null, away: null };

/** The popup's durable state as stored: anything unreadable falls back to "off". */
export function readDurable(stored: Record<string, unknown>): DurableState {
  const state = { ...DEFAULTS };
  for (const key of DURABLE_KEYS) {
    const result = v.safeParse(Schemas[key], stored[key]);
    if (result.success) (state as Record<string, unknown>)[key] = result.output;
  }
  return state;
}
