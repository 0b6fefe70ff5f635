import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SocialHoursDatabase } from '../../../lib/db/database';
import type { ClientRecord, RuleRecord } from '../../../lib/db/records';
import { ConfigStore } from '../../../lib/ui/config-store';

const NOW = Date.UTC(2026, 10, 30, 10);
const client: ClientRecord = { id: 'dupont', name: 'Boulangerie Dupont', color: '#c2410c', archived: false, createdAt: NOW - 1000 };
const rule: RuleRecord = { id: 'r1', clientId: 'dupont', platform: 'facebook', account: 'dupont', urlPattern: null, createdAt: NOW - 1000 };

let db: SocialHoursDatabase;
let time = NOW;
const store = () => new ConfigStore(db, () => time);

beforeEach(async () => {
  db = new SocialHoursDatabase('config-store-test');
  await db.open();
  time = NOW;
});
afterEach(async () => {
  await db.delete();
});

describe('every write of a client or a rule is dated after the version it changes', () => {
  it('a new client and a new rule: now', async () => {
    await store().saveClient(client);
    await store().putRule(rule);
    expect((await db.clients.get('dupont'))?.updatedAt).toBe(NOW);
    expect((await db.rules.get('r1'))?.updatedAt).toBe(NOW);
  });

  it('an edit on a computer whose clock is behind: just after the version it edits', async () => {
    await db.clients.put({ ...client, updatedAt: NOW + 3_600_000 });
    await store().saveClient({ ...client, name: 'Dupont & fils' });
    expect(await db.clients.get('dupont')).toMatchObject({ name: 'Dupont & fils', updatedAt: NOW + 3_600_001 });
  });

  it('a client saved before edit times were kept is dated after its creation', async () => {
    await db.clients.put({ ...client, createdAt: NOW + 5 });
    await store().setArchived('dupont', true);
    expect(await db.clients.get('dupont')).toMatchObject({ archived: true, updatedAt: NOW + 6 });
  });

  it('archiving: later than the last edit, and nothing for a client that is not there', async () => {
    await store().saveClient(client);
    time = NOW + 60_000;
    await store().setArchived('dupont', true);
    await store().setArchived('ghost', true);
    expect(await db.clients.toArray()).toEqual([{ ...client, archived: true, updatedAt: NOW + 60_000 }]);
  });

  it('a rule replacing another one: the new rule is dated, the old one is remembered as deleted', async () => {
    await store().putRule(rule);
    time = NOW + 1000;
    await store().putRule({ ...rule, id: 'r2', clientId: 'martin', createdAt: NOW + 1000 }, 'r1');
    expect(await db.rules.toArray()).toEqual([{ ...rule, id: 'r2', clientId: 'martin', createdAt: NOW + 1000, updatedAt: NOW + 1000 }]);
    expect(await db.tombstones.get(['rules', 'r1'])).toEqual({ table: 'rules', id: 'r1', deletedAt: NOW + 1000 });
  });
});
