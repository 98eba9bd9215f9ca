/** The two switches the popup offers: Backstory on this site, and first mention only. */
import { isSiteEnabled, type Settings } from '../common/settings';

interface PageSwitchesProps {
  settings: Settings;
  /** The page's hostname; without it the site switch is not shown. */
  hostname: string | null;
  onSiteEnabled: (enabled: boolean) => void;
  onFirstMentionOnly: (on: boolean) => void;
}

export function PageSwitches({ settings, hostname, onSiteEnabled, onFirstMentionOnly }: PageSwitchesProps) {
  return (
    <fieldset class="switches">
      <legend class="sr">Settings for this page</legend>
      {hostname && (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            name="site-enabled"
            checked={isSiteEnabled(settings, hostname)}
            onChange={(e) => onSiteEnabled(e.currentTarget.checked)}
          />
          <span>
            Highlight on this site <span class="host">({hostname})</span>
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          name="first-mention-only"
          checked={settings.firstMentionOnly}
          onChange={(e) => onFirstMentionOnly(e.currentTarget.checked)}
        />
        <span>First mention only</span>
      </label>
    </fieldset>
  );
}
