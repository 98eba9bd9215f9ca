/** The action badge's text for a count of distinct names. Pure. */

/** More than this does not fit the badge; "99+" is shown instead. */
const MAX_BADGE_COUNT = 99;

export function badgeText(distinct: number): string {
  if (!Number.isFinite(distinct) || distinct <= 0) return '';
  return distinct > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : String(Math.floor(distinct));
}
