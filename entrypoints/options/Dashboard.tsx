import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { ClientsSection } from './sections/ClientsSection';
import { ExportSection } from './sections/ExportSection';
import { ReportsSection } from './sections/ReportsSection';
import { TimesheetSection } from './sections/TimesheetSection';
import { ManualSection } from './sections/ManualSection';
import { RulesSection } from './sections/RulesSection';
import { SettingsSection } from './sections/SettingsSection';
import { SitesSection } from './sections/SitesSection';
import { SyncSection } from './sections/SyncSection';
import { UnassignedSection } from './sections/UnassignedSection';

const SECTIONS = ['reports', 'timesheet', 'clients', 'rules', 'unassigned', 'manual', 'export', 'sites', 'sync', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

function fromHash(): Section {
  const hash = location.hash.replace('#', '');
  return (SECTIONS as readonly string[]).includes(hash) ? (hash as Section) : 'reports';
}

/** The dashboard: one section at a time, chosen by the URL's hash so that links and the back button work. */
export function Dashboard({ settings }: { settings: Settings }) {
  const [section, setSection] = useState<Section>(fromHash);
  useEffect(() => {
    const onHash = () => setSection(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.title = `${t(`section_${section}` as MessageKey)} · Social Hours`;
  }, [section]);

  return (
    <div class="dashboard">
      <nav class="sidebar" aria-label={t('dashboardNav')}>
        <p class="brand">Social Hours</p>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`} aria-current={s === section ? 'page' : undefined} data-testid={`nav-${s}`}>
                {t(`section_${s}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content" id="main">
        {section === 'reports' && <ReportsSection settings={settings} />}
        {section === 'timesheet' && <TimesheetSection settings={settings} />}
        {section === 'export' && <ExportSection settings={settings} />}
        {section === 'clients' && <ClientsSection settings={settings} />}
        {section === 'rules' && <RulesSection settings={settings} />}
        {section === 'unassigned' && <UnassignedSection settings={settings} />}
        {section === 'manual' && <ManualSection />}
        {section === 'sites' && <SitesSection settings={settings} />}
        {section === 'sync' && <SyncSection />}
        {section === 'settings' && <SettingsSection settings={settings} />}
      </main>
    </div>
  );
}
