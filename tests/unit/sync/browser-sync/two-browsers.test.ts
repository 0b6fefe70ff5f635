import { describe, expect, it } from 'vitest';
import { PERSONAL_CLIENT_ID } from '../../../../lib/db/records';
import { laterVersion } from '../../../../lib/db/versions';
import { DEFAULT_SETTINGS } from '../../../../lib/settings/settings';
import { loadDatedSettings, saveDatedSettings, type DatedSettings } from '../../../../lib/settings/settings-storage';
import { decodeItems } from '../../../../lib/sync/browser-sync/decode';
import { seededRandom } from '../../../support/seeded-random';
import { FakeSyncArea } from './fake-sync-area';
import { int, pick, randomClient, randomRule, type Random } from './random-config';
import { TestBrowser } from './test-browser';

const HOUR = 3_600_000;

/** What the user did, to know what both browsers must end up with. */
interface History {
  /** Per client: the edit times of its versions, and when it was deleted. */
  edits: Map<string, number[]>;
  deletions: Map<string, number>;
  settings: DatedSettings[];
}

async function act(random: Random, browser: TestBrowser, history: History, step: number): Promise<void> {
  const clients = await browser.db.clients.toArray();
  const rules = await browser.db.rules.toArray();
  const some = <T>(list: T[]) => (list.length > 0 ? pick(random, list) : null);
  const edited = async (id: string) => {
    const saved = await browser.db.clients.get(id);
    if (saved) history.edits.set(id, [...(history.edits.get(id) ?? []), saved.updatedAt!]);
  };
  const choice = random();
  const target = some(clients);
  if (choice < 0.2 || !target) {
    const id = `${browser.name}-client-${step}`;
    await browser.config.saveClient(randomClient(random, id, browser.now()));
    await edited(id);
  } else if (choice < 0.4) {
    await browser.config.saveClient({ ...randomClient(random, target.id, browser.now()), createdAt: target.createdAt });
    await edited(target.id);
  } else if (choice < 0.5) {
    await browser.config.setArchived(target.id, !target.archived);
    await edited(target.id);
  } else if (choice < 0.6) {
    await browser.commands.deleteClient(target.id, browser.now());
    const deletedAt = (await browser.db.tombstones.get(['clients', target.id]))!.deletedAt;
    history.deletions.set(target.id, Math.max(deletedAt, history.deletions.get(target.id) ?? 0));
  } else if (choice < 0.75) {
    const replaced = random() < 0.3 ? some(rules) : null;
    await browser.config.putRule(randomRule(random, `${browser.name}-rule-${step}`, random() < 0.1 ? PERSONAL_CLIENT_ID : target.id, browser.now()), replaced?.id);
  } else if (choice < 0.85) {
    const rule = some(rules);
    if (rule) await browser.config.deleteRule(rule.id, browser.now());
  } else {
    await saveDatedSettings(browser.settings, { ...DEFAULT_SETTINGS, language: pick(random, ['auto', 'en', 'fr'] as const), awayPromptMinutes: int(random, 2, 240), leave: [{ from: '2026-12-24', to: `2026-12-${int(random, 24, 31)}` }] }, browser.now());
    history.settings.push((await loadDatedSettings(browser.settings))!);
  }
}

describe('two browsers sharing one sync area', () => {
  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('end with the same clients, rules and settings, whatever each did and whenever each synced (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    let time = Date.UTC(2026, 10, 30, 10);
    const area = new FakeSyncArea(() => time);
    // Clocks that disagree by up to an hour either way.
    const browsers = [await TestBrowser.open(`a${seed}`, area, () => time), await TestBrowser.open(`b${seed}`, area, () => time, int(random, -HOUR, HOUR))];
    const history: History = { edits: new Map(), deletions: new Map(), settings: [] };

    for (let step = 0; step < 40; step++) {
      time += int(random, 1_000, 10 * 60_000);
      const browser = pick(random, browsers);
      if (random() < 0.35) {
        // Sometimes twice in a row: a repeated sync changes nothing.
        for (let n = random() < 0.2 ? 2 : 1; n > 0; n--) expect((await browser.sync()).ok, `seed ${seed} step ${step}`).toBe(true);
      } else await act(random, browser, history, step);
    }

    let quiet = false;
    for (let round = 0; round < 4 && !quiet; round++) {
      quiet = true;
      for (const browser of browsers) {
        time += 1_000;
        const result = await browser.sync();
        if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(result.error)}`);
        quiet &&= result.pushed + result.removed === 0 && Object.values(result.pulled).every((n) => !n);
      }
    }
    expect(quiet, `seed ${seed}: still changing after four rounds`).toBe(true);

    const [a, b] = [await browsers[0]!.state(), await browsers[1]!.state()];
    expect(b, `seed ${seed}`).toEqual(a);
    const remote = decodeItems(area.snapshot());
    expect(remote.problems, `seed ${seed}`).toEqual([]);
    expect([...remote.clients.values()].sort((x, y) => x.id.localeCompare(y.id)), `seed ${seed}`).toEqual(a.clients);
    expect([...remote.rules.values()].sort((x, y) => x.id.localeCompare(y.id)), `seed ${seed}`).toEqual(a.rules);

    // Every client is there exactly when one of its versions is later than its deletion.
    for (const [id, versions] of history.edits) {
      const alive = Math.max(...versions) > (history.deletions.get(id) ?? -1);
      expect(a.clients.some((c) => c.id === id), `seed ${seed}: client ${id}`).toBe(alive);
    }
    // No rule sends time to a client that is not there.
    for (const rule of a.rules) expect([PERSONAL_CLIENT_ID, ...a.clients.map((c) => c.id)], `seed ${seed}: rule ${rule.id}`).toContain(rule.clientId);
    // The settings of the latest save.
    expect(a.settings, `seed ${seed}`).toEqual(history.settings.length === 0 ? null : history.settings.reduce((x, y) => laterVersion(x, y)));

    for (const browser of browsers) await browser.close();
  });
});
