import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import type { LanguageChoice } from '../settings/settings';

export type MessageKey = keyof typeof en;
export type Language = 'en' | 'fr';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalogues: Record<Language, Record<string, Entry>> = { en, fr };

let current: Language = 'en';

/** The language to show: the user's choice, or the browser's when they left it to the browser. */
export function resolveLanguage(choice: LanguageChoice, browserLanguage: string): Language {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(language: Language): void {
  current = language;
}

export function currentLanguage(): Language {
  return current;
}

/** Whether a key built at run time (from an error code, say) names a message. */
export function isMessageKey(key: string): key is MessageKey {
  return key in catalogues.en;
}

/**
 * A message in the current language, from the same `_locales` files the browser uses for
 * the manifest (so a setting can choose the language, which `i18n.getMessage` cannot).
 * Placeholders follow the WebExtension format: `$NAME$` with content `$1`, `$2`…
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const entry = catalogues[current][key] ?? catalogues.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content ? Number(content.replace('$', '')) - 1 : -1;
    return index >= 0 && substitutions[index] !== undefined ? String(substitutions[index]) : whole;
  });
}
