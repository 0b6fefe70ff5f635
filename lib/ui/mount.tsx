import { render, type ComponentType } from 'preact';
import { browser } from 'wxt/browser';
import type { Settings } from '../settings/settings';
import { resolveLanguage, setLanguage } from './i18n';
import { loadSettings, useSettings } from './settings-store';

/**
 * Renders an extension page once the settings are known: the language comes from them (the
 * user's choice or the browser's), and the whole page re-renders in the new language when
 * it changes.
 */
export async function mount(Page: ComponentType<{ settings: Settings }>): Promise<void> {
  const initial = await loadSettings();
  function Root() {
    const settings = useSettings(initial);
    const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
    setLanguage(language);
    document.documentElement.lang = language;
    return <Page key={language} settings={settings} />;
  }
  render(<Root />, document.getElementById('app')!);
}
