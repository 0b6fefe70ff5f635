import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUAL_KINDS } from '../../../lib/db/records';
import { ACTIVITY_KINDS } from '../../../lib/platforms/types';
import en from '../../../public/_locales/en/messages.json';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const code = ['entrypoints', 'lib'].flatMap(sources).map((file) => readFileSync(file, 'utf8')).join('\n');
const keys = new Set(Object.keys(en));

describe('every message the code shows exists', () => {
  it('for keys written out', () => {
    const used = [...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!);
    const ternaries = [...code.matchAll(/\bt\([^,()]*\?\s*'([A-Za-z0-9_]+)'\s*:\s*'([A-Za-z0-9_]+)'/g)].flatMap((m) => [m[1]!, m[2]!]);
    expect([...used, ...ternaries].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('for keys built from a value', () => {
    const families = [
      ...ACTIVITY_KINDS.map((k) => `activity_${k}`),
      ...MANUAL_KINDS.map((k) => `kind_${k}`),
      ...[0, 1, 2, 3, 4, 5, 6].map((d) => `weekday_${d}`),
      ...['none', 'day', 'week', 'month'].map((p) => `contract_${p}`),
      ...['day', 'week', 'month'].map((p) => `contractSummary_${p}`),
      ...['day', 'week', 'month'].map((p) => `focusPeriod_${p}`),
      ...['account', 'url', 'platform'].map((k) => `ruleKind_${k}`),
      ...['off', '30', '60', '120', 'day'].map((d) => `overrideDuration_${d}`),
      ...['off', 'download', 'notify'].map((m) => `weekly_${m}`),
      ...['csv', 'reports', 'both'].map((c) => `weeklyContent_${c}`),
      ...['assign', 'update', 'split', 'merge', 'delete', 'reattribute', 'manual_overlap', 'client_deleted', 'restore'].map((a) => `edit_${a}`),
      ...['end_before_start', 'too_long', 'overlap', 'in_future', 'note_too_long', 'merge_different', 'merge_overlap', 'merge_one', 'unknown_session', 'unknown_client', 'split_outside', 'failed'].map((e) => `err_edit_${e}`),
      ...['date_invalid', 'end_before_start', 'duplicate', 'too_many'].map((e) => `err_leave_${e}`),
      ...['reports', 'timesheet', 'clients', 'rules', 'unassigned', 'manual', 'export', 'sites', 'settings'].map((s) => `section_${s}`),
    ];
    expect(families.filter((k) => !keys.has(k))).toEqual([]);
  });
});
