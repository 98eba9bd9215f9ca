/** Switching Backstory on or off for one site in the settings. Pure. */
import { isSiteEnabled, type Settings } from '../common/settings';

/** Normalises what a person types or a page reports into a hostname ("https://A.com/x" → "a.com"). */
export function normaliseSite(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return null;
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (s.startsWith('www.')) s = s.slice(4);
  return /^[a-z0-9.-]+$/.test(s) && !s.startsWith('.') && !s.includes('..') ? s : null;
}

/**
 * Settings with highlighting on or off for `hostname`. Turning a site on also removes any entry
 * that covers it (a parent domain), since a covering entry would keep it off.
 */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = hostname.toLowerCase();
  if (isSiteEnabled(settings, host) === enabled) return settings;
  const disabledSites = enabled
    ? settings.disabledSites.filter((site) => !(host === site || host.endsWith(`.${site}`)))
    : [...settings.disabledSites, host];
  return { ...settings, disabledSites };
}
