import { useEffect } from 'preact/hooks';

/**
 * Gives the focus back, when the component goes, to what had it when the component came:
 * the button that opened a dialog or an inline form. If that element is gone (a "New"
 * button hidden while its form is open renders anew), `fallback` finds its successor.
 */
export function useReturnFocus(fallback?: () => HTMLElement | null): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    return () => {
      // After the render that removes this component: the successor exists by then.
      queueMicrotask(() => {
        const target = opener?.isConnected ? opener : (fallback?.() ?? null);
        target?.focus();
      });
    };
  }, []);
}
