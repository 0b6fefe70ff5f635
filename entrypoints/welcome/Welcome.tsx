import { useEffect } from 'preact/hooks';
import { BUILT_IN_PLATFORMS } from '../../lib/platforms/catalogue';
import type { Settings } from '../../lib/settings/settings';
import { formatCountry } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';

/** Opened once, on install: what the extension counts, then the two things to set up before it can bill anything. */
export function Welcome({ settings }: { settings: Settings }) {
  useEffect(() => {
    document.title = `${t('welcomeTitle')} · Social Hours`;
  }, []);
  // Mastodon servers and custom sites are tracked once the user names them: the link below says so.
  const platforms = BUILT_IN_PLATFORMS.filter((p) => !settings.disabledPlatforms.includes(p.id)).map((p) => p.name);
  return (
    <main class="welcome" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeIntro')}</p>
      <ol class="steps">
        <li class="card">
          <h2 id="welcome-tracked">{t('welcomeTrackedTitle')}</h2>
          <p>{t('welcomeTrackedPlatforms')}</p>
          <ul class="platforms" aria-labelledby="welcome-tracked">
            {platforms.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <p>{t('welcomeTrackedOnlyTime')}</p>
          <p class="muted small">
            <a href="options.html#sites">{t('welcomeTrackedSites')}</a>
          </p>
        </li>
        <li class="card">
          <h2>{t('welcomeClientsTitle')}</h2>
          <p>{t('welcomeClientsText')}</p>
          <p>
            <a class="button-link" href="options.html#clients" data-testid="welcome-clients">
              {t('welcomeClientsLink')}
            </a>
          </p>
          {/* Whose holidays apply was chosen from the browser's language: say it before any contract counts on it. */}
          <p class="muted small" data-testid="welcome-calendar">
            {settings.holidayCountry === 'none' ? t('welcomeCalendarNone') : t('welcomeCalendar', formatCountry(settings.holidayCountry))}{' '}
            <a href="options.html#settings">{t('welcomeCalendarLink')}</a>
          </p>
        </li>
        <li class="card">
          <h2>{t('welcomeRulesTitle')}</h2>
          <p>{t('welcomeRulesText')}</p>
          <p>
            <a class="button-link" href="options.html#rules" data-testid="welcome-rules">
              {t('welcomeRulesLink')}
            </a>
          </p>
        </li>
      </ol>
      <p class="muted">{t('welcomeLater')}</p>
    </main>
  );
}
