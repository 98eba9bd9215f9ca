/** The sites where Backstory is off: add one, remove any. */
import { useState } from 'preact/hooks';
import { normaliseSite } from '../popup/site-setting';

interface SiteListProps {
  sites: string[];
  onChange: (sites: string[]) => void;
}

export function SiteList({ sites, onChange }: SiteListProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const site = normaliseSite(draft);
    if (!site) {
      setError('Enter a site such as example.com.');
      return;
    }
    setError('');
    setDraft('');
    if (!sites.includes(site)) onChange([...sites, site]);
  };
  return (
    <fieldset>
      <legend>Sites where Backstory is off</legend>
      {sites.length === 0 ? (
        <p class="note">None: Backstory highlights names on every site.</p>
      ) : (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button type="button" class="site-remove" data-site={site} onClick={() => onChange(sites.filter((s) => s !== site))}>
                {/* The visible word starts the accessible name (WCAG 2.5.3, axe label-content-name-mismatch). */}
                Remove<span class="sr">{`: turn Backstory back on for ${site}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="new-site">Add a site</label>
        <input
          id="new-site"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
        {error && (
          <p id="site-error" class="error">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}
