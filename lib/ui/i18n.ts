import { browser } from 'wxt/browser';
import type enMessages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof enMessages;

/** A message in the browser's language (English or French), from the extension's `_locales`. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
