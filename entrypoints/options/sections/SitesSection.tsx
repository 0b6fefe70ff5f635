import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BUILT_IN_PLATFORMS, isCatalogueHost } from '../../../lib/platforms/catalogue';
import { normalizeHost } from '../../../lib/settings/hosts';
import type { Settings } from '../../../lib/settings/settings';
import { isHostname, sitePermissionOrigins, validateCustomSite, type CustomSiteProblem } from '../../../lib/sites/custom-site';
import { request } from '../../../lib/ui/background-client';
import { Field, described } from '../../../lib/ui/components/Field';
import { t, type MessageKey } from '../../../lib/ui/i18n';
import { saveSettings } from '../../../lib/ui/settings-store';

/**
 * Asks for a site's host permission. It must run in the click's handler (a user gesture);
 * a refusal leaves the settings as they were.
 */
async function askForHost(host: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: sitePermissionOrigins(host) });
  } catch {
    return false;
  }
}

async function giveBackHost(host: string): Promise<void> {
  await browser.permissions.remove({ origins: sitePermissionOrigins(host) }).catch(() => false);
}

export function SitesSection({ settings }: { settings: Settings }) {
  const [site, setSite] = useState({ name: '', host: '', accountPattern: '' });
  const [siteProblems, setSiteProblems] = useState<CustomSiteProblem[]>([]);
  const [server, setServer] = useState('');
  const [serverError, setServerError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const update = async (change: Partial<Settings>, done: string) => {
    const problems = await saveSettings({ ...settings, ...change });
    setMessage(problems.length === 0 ? done : t('actionFailed'));
    await request({ type: 'sync-sites' }).catch(() => undefined);
  };
  const siteError = (...codes: CustomSiteProblem[]) => {
    const problem = siteProblems.find((p) => codes.includes(p));
    return problem ? t(`err_site_${problem.replace(/-/g, '_')}` as MessageKey) : null;
  };

  const addSite = async (event: Event) => {
    event.preventDefault();
    const result = validateCustomSite(site, settings.customSites, isCatalogueHost);
    if (!result.ok) {
      setSiteProblems(result.problems);
      return;
    }
    setSiteProblems([]);
    if (!(await askForHost(result.site.host))) {
      setMessage(t('permissionRefused', result.site.host));
      return;
    }
    await update({ customSites: [...settings.customSites, result.site] }, t('siteAdded', result.site.name));
    setSite({ name: '', host: '', accountPattern: '' });
  };

  const addServer = async (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(server);
    if (!isHostname(host)) return setServerError(t('err_site_host_invalid'));
    if (settings.mastodonServers.includes(host)) return setServerError(t('err_site_host_duplicate'));
    setServerError(null);
    if (!(await askForHost(host))) {
      setMessage(t('permissionRefused', host));
      return;
    }
    await update({ mastodonServers: [...settings.mastodonServers, host] }, t('siteAdded', host));
    setServer('');
  };

  return (
    <section aria-labelledby="sites-title">
      <h1 id="sites-title">{t('section_sites')}</h1>
      {message && (
        <p role="status" class="notice">
          {message}
        </p>
      )}
      <div class="card">
        <h2>{t('catalogueTitle')}</h2>
        <p class="muted small">{t('catalogueHint')}</p>
        <ul class="switches" data-testid="platform-switches">
          {BUILT_IN_PLATFORMS.map((p) => {
            const on = !settings.disabledPlatforms.includes(p.id);
            return (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    data-testid={`platform-${p.id}`}
                    onChange={() =>
                      void update(
                        { disabledPlatforms: on ? [...settings.disabledPlatforms, p.id] : settings.disabledPlatforms.filter((d) => d !== p.id) },
                        t(on ? 'platformOff' : 'platformOn', p.name),
                      )
                    }
                  />{' '}
                  {p.name}
                </label>
              </li>
            );
          })}
        </ul>
      </div>

      <div class="card">
        <h2>{t('customSitesTitle')}</h2>
        <p class="muted small">{t('customSitesHint')}</p>
        {settings.customSites.length > 0 && (
          <ul class="list" data-testid="custom-sites">
            {settings.customSites.map((s) => (
              <li key={s.id} class="client-row">
                <div class="grow">
                  <strong>{s.name}</strong>
                  <p class="muted small">
                    {s.host}
                    {s.accountPattern ? ` · ${s.accountPattern}` : ''}
                  </p>
                </div>
                <button
                  type="button"
                  class="danger"
                  aria-label={t('siteRemove', s.name)}
                  onClick={async () => {
                    await update({ customSites: settings.customSites.filter((c) => c.id !== s.id) }, t('siteRemoved', s.name));
                    await giveBackHost(s.host);
                  }}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="form" onSubmit={(e) => void addSite(e)} noValidate aria-label={t('siteNew')}>
          <div class="grid">
            <Field id="site-name" label={t('siteName')} error={siteError('name-empty')}>
              <input {...described('site-name', siteError('name-empty'))} value={site.name} onInput={(e) => setSite({ ...site, name: e.currentTarget.value })} />
            </Field>
            <Field id="site-host" label={t('siteHost')} error={siteError('host-invalid', 'host-duplicate', 'host-in-catalogue')} hint={t('siteHostHint')}>
              <input {...described('site-host', siteError('host-invalid', 'host-duplicate', 'host-in-catalogue'), t('siteHostHint'))} value={site.host} onInput={(e) => setSite({ ...site, host: e.currentTarget.value })} />
            </Field>
            <Field id="site-pattern" label={t('sitePattern')} error={siteError('pattern-no-placeholder', 'pattern-other-host')} hint={t('sitePatternHint')}>
              <input {...described('site-pattern', siteError('pattern-no-placeholder', 'pattern-other-host'), t('sitePatternHint'))} value={site.accountPattern} onInput={(e) => setSite({ ...site, accountPattern: e.currentTarget.value })} />
            </Field>
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {t('siteAdd')}
            </button>
          </div>
        </form>
      </div>

      <div class="card">
        <h2>{t('mastodonTitle')}</h2>
        <p class="muted small">{t('mastodonHint')}</p>
        {settings.mastodonServers.length > 0 && (
          <ul class="list">
            {settings.mastodonServers.map((host) => (
              <li key={host} class="client-row">
                <strong class="grow">{host}</strong>
                <button
                  type="button"
                  class="danger"
                  aria-label={t('siteRemove', host)}
                  onClick={async () => {
                    await update({ mastodonServers: settings.mastodonServers.filter((h) => h !== host) }, t('siteRemoved', host));
                    await giveBackHost(host);
                  }}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="row" onSubmit={(e) => void addServer(e)} noValidate>
          <Field id="mastodon-host" label={t('mastodonServer')} error={serverError}>
            <input {...described('mastodon-host', serverError)} value={server} placeholder="mastodon.social" onInput={(e) => setServer(e.currentTarget.value)} />
          </Field>
          <button type="submit">{t('siteAdd')}</button>
        </form>
      </div>
    </section>
  );
}
