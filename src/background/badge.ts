/**
 * The action badge: how many distinct names the tab shows. Set per tab, so it lives with the
 * tab in the browser (not in this worker's memory, which Chrome discards when idle).
 */
import browser from 'webextension-polyfill';
import { badgeText } from './badge-text';

/** Readable on both light and dark toolbars. */
const BADGE_COLOUR = '#0b5cad';

export async function setBadge(tabId: number, distinct: number): Promise<void> {
  const text = badgeText(distinct);
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
}

export async function clearBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}
