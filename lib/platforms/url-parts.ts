import type { ActivityKind, PageReading } from './types';

/** Non-empty, decoded path segments: `/Foo//bar/` gives `['Foo', 'bar']`. */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((part) => part.length > 0)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
}

export function reading(account: string | null, activity: ActivityKind = 'browsing'): PageReading {
  return { account, activity };
}

/** `@name` → `name`; anything else → null. */
export function atHandle(segment: string | undefined): string | null {
  if (!segment || !segment.startsWith('@') || segment.length < 2) return null;
  return segment.slice(1).toLowerCase();
}

/**
 * The first matching keyword decides the activity: tables read top to bottom, so a more
 * telling word (`inbox`) placed above a vaguer one wins.
 */
export function activityFromKeywords(
  segments: readonly string[],
  table: ReadonlyArray<readonly [ActivityKind, readonly string[]]>,
): ActivityKind {
  const lower = segments.map((s) => s.toLowerCase());
  for (const [activity, words] of table) {
    if (words.some((word) => lower.includes(word))) return activity;
  }
  return 'browsing';
}
