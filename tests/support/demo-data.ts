import { addDays, startOfDay } from 'date-fns';
import type { ClientRecord, RuleRecord, SessionRecord } from '../../lib/db/records';
import { seededRandom } from './seeded-random';

/**
 * A community manager's last three weeks as a backup file: four clients (a daily, a weekly
 * and a monthly retainer, one without contract), their rules, automatic time on several
 * platforms, calls and meetings with notes, some unassigned time. Deterministic for a given
 * `now`, so screenshots and accessibility checks see the same realistic data every run.
 */
export function demoBackup(now: number): string {
  const random = seededRandom(2026);
  const clients: ClientRecord[] = [
    { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: 1, contracts: [{ from: '2026-01-01', period: 'day', hours: 1 }], hourlyRate: 45, currency: 'EUR', roundingMinutes: 15 },
    { id: 'martin', name: 'Fleuriste Martin', color: '#1d4ed8', archived: false, createdAt: 1, contracts: [{ from: '2026-01-01', period: 'week', hours: 6, carryOver: { enabled: true, capMinutes: 120 } }], hourlyRate: 40, currency: 'EUR', roundingMinutes: 5 },
    { id: 'lumiere', name: 'Studio Lumière', color: '#7c3aed', archived: false, createdAt: 1, contracts: [{ from: '2026-01-01', period: 'month', hours: 30 }], hourlyRate: 55.5, currency: 'EUR', roundingMinutes: 0 },
    { id: 'garage', name: 'Garage du Port', color: '#0f766e', archived: false, createdAt: 1, hourlyRate: null, currency: 'EUR', roundingMinutes: 0 },
  ];
  const accounts: Array<[string, string, string]> = [
    ['dupont', 'facebook', 'boulangerie-dupont'],
    ['dupont', 'instagram', 'boulangerie.dupont'],
    ['martin', 'instagram', 'fleuriste.martin'],
    ['martin', 'facebook', 'fleuristemartin'],
    ['lumiere', 'linkedin', 'company/studio-lumiere'],
    ['lumiere', 'instagram', 'studio.lumiere'],
    ['garage', 'facebook', 'garageduport'],
  ];
  const rules: RuleRecord[] = accounts.map(([clientId, platform, account], i) => ({ id: `rule-${i}`, clientId, platform, account, urlPattern: null, createdAt: 1 + i }));
  const activities = ['browsing', 'publishing', 'messages', 'comments', 'insights'];
  const sessions: SessionRecord[] = [];
  const today = startOfDay(now).getTime();
  for (let back = 21; back >= 0; back--) {
    const day = addDays(today, -back).getTime();
    const weekday = new Date(day).getDay();
    if (weekday === 0 || (weekday === 6 && random() < 0.7)) continue;
    let at = day + 8.5 * 3_600_000;
    const end = back === 0 ? Math.min(now, day + 18 * 3_600_000) : day + 18 * 3_600_000;
    while (at < end) {
      const minutes = 4 + Math.floor(random() * 35);
      const stop = Math.min(end, at + minutes * 60_000);
      if (stop <= at) break;
      const [clientId, platform, account] = random() < 0.08 ? [null, 'x', 'someone'] : accounts[Math.floor(random() * accounts.length)]!;
      const id = `d${sessions.length}`;
      sessions.push({ id, start: at, end: stop, clientId, platform, account, activity: activities[Math.floor(random() * activities.length)]!, source: 'auto', assignedBy: clientId ? 'rule' : null, ruleId: null, createdAt: at, updatedAt: stop });
      at = stop + (10 + Math.floor(random() * 50)) * 60_000;
      if (random() < 0.06 && at + 45 * 60_000 < end) {
        const client = clients[Math.floor(random() * 3)]!;
        sessions.push({ id: `m${sessions.length}`, start: at, end: at + 45 * 60_000, clientId: client.id, platform: 'manual', account: null, activity: random() < 0.5 ? 'call' : 'meeting', source: 'manual', note: random() < 0.5 ? 'Planning du mois, validation des visuels' : 'Point mensuel : statistiques et prochaines publications', createdAt: at, updatedAt: at });
        at += 60 * 60_000;
      }
    }
  }
  return JSON.stringify({ format: 'social-hours-backup', version: 2, exportedAt: now, sessions, clients, rules, edits: [], tombstones: [], invoices: [] });
}
