/**
 * The review page of "Add this article" (review.html?tab=<id>): reads the tab's page, extracts
 * the article and its names on this device, and lets the reader choose what to keep before
 * anything is stored. Closing the page without saving stores nothing.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { enabledMatchingParts, listPacks, prepareToSave, savePack } from '../common/packs-store';
import { extractArticle } from '../reading/article';
import { buildReadingPack } from '../reading/build-pack';
import { defaultEdits, draftPack } from '../reading/draft';
import type { Draft, ReviewEdits } from '../reading/types';
import { CandidateRow } from './CandidateRow';
import { merge, rename, retype, reviewProblems, reviewRows, setIncluded, unmerge } from './review-edits';
import { reviewTab } from './review-target';
import { snapshotDocument } from './snapshot-document';
import { takeSnapshot } from './take-snapshot';
import { formatDay } from './format-day';

/** Marked when the review list is on screen, for `npm run bench` (time from page start). */
export const REVIEW_READY_MARK = 'backstory:review-ready';

type Phase =
  | { kind: 'reading' }
  | { kind: 'failed'; message: string }
  | { kind: 'review'; draft: Draft; previouslyAdded: string | null }
  | { kind: 'saved'; headline: string; names: number; replaced: boolean };

async function prepare(tabId: number | null): Promise<Phase> {
  if (tabId === null) return { kind: 'failed', message: 'This page reviews an article you asked to add; open it from the Backstory button on the article’s page.' };
  const taken = await takeSnapshot(tabId);
  if (!taken.ok) return { kind: 'failed', message: taken.message };
  const extracted = extractArticle(snapshotDocument(taken.snapshot), taken.snapshot.url, { contentType: taken.snapshot.contentType });
  if (!extracted.ok) return { kind: 'failed', message: extracted.message };
  const [known, stored] = await Promise.all([enabledMatchingParts(), listPacks()]);
  const draft = draftPack(extracted.article, { known });
  if (draft.candidates.length === 0) {
    return { kind: 'failed', message: 'Backstory found no names of people, places or organisations in this article, so there is nothing to add.' };
  }
  return { kind: 'review', draft, previouslyAdded: stored.find((p) => p.id === draft.packId)?.added ?? null };
}

async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id).catch(() => window.close());
  else window.close();
}

export function ReviewApp() {
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const [edits, setEdits] = useState<ReviewEdits>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    // In the Worker, beside the extraction on this page: Save is then quick (see prepareToSave).
    prepareToSave();
    prepare(reviewTab(location.search)).then(
      (next) => {
        if (next.kind === 'review') setEdits(defaultEdits(next.draft));
        setPhase(next);
      },
      (err: unknown) => setPhase({ kind: 'failed', message: `Backstory could not read this article (${String(err)}). Nothing was saved.` }),
    );
  }, []);

  const draft = phase.kind === 'review' ? phase.draft : null;
  const rows = useMemo(() => (draft ? reviewRows(draft, edits) : []), [draft, edits]);
  const problems = reviewProblems(rows);
  const kept = rows.filter((r) => r.included).length;

  useEffect(() => {
    if (draft) performance.mark(REVIEW_READY_MARK);
  }, [draft]);

  const save = async () => {
    if (!draft || problems.length > 0) return;
    setSaving(true);
    setSaveError(null);
    const built = buildReadingPack(draft, edits, new Date());
    const result = built.ok ? await savePack(built.pack) : { ok: false as const, error: built.errors.join('\n') };
    setSaving(false);
    if (!result.ok) {
      setSaveError(`Nothing was saved: ${result.error}`);
      return;
    }
    setPhase({ kind: 'saved', headline: draft.article.meta.headline, names: built.ok ? built.pack.entities.length : 0, replaced: result.replaced });
  };

  return (
    <main class="page review" aria-busy={phase.kind === 'reading'}>
      <h1>Add this article</h1>
      {phase.kind === 'reading' && (
        <p class="note" role="status">
          Reading the article on this device…
        </p>
      )}
      {phase.kind === 'failed' && (
        <>
          <p class="notice" role="alert">
            {phase.message}
          </p>
          <p>
            <button type="button" onClick={() => void closeThisTab()}>
              Close
            </button>
          </p>
        </>
      )}
      {phase.kind === 'saved' && (
        <>
          <p class="notice saved" role="status">
            {phase.replaced ? 'Updated' : 'Saved'} “{phase.headline}”: {phase.names === 1 ? '1 name' : `${phase.names} names`} from it are now highlighted on every page you read, with
            the article’s own sentences as their background.
          </p>
          <p class="actions">
            <button type="button" class="primary" onClick={() => void closeThisTab()}>
              Close
            </button>
            <button type="button" class="linkish" onClick={() => void browser.runtime.openOptionsPage()}>
              Manage your reading
            </button>
          </p>
        </>
      )}
      {draft && phase.kind === 'review' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <section class="article-meta" aria-labelledby="article-headline">
            <h2 id="article-headline">{draft.article.meta.headline}</h2>
            <p class="note">
              {[draft.article.meta.outlet, draft.article.meta.published && formatDay(draft.article.meta.published), draft.article.meta.byline].filter(Boolean).join(' · ')}
            </p>
            {draft.article.meta.url && <p class="article-url">{draft.article.meta.url}</p>}
          </section>
          {phase.previouslyAdded && (
            <p class="notice">You added this article on {formatDay(phase.previouslyAdded)}. Saving again replaces what you kept then.</p>
          )}
          <p>
            Backstory found {rows.length === 1 ? '1 name' : `${rows.length} names`} in this article. The ticked ones are kept, with the article’s sentences that name them;
            names seen only once start unticked. Rename, retype or merge any of them. Everything stays on this device.
          </p>
          <ul class="candidates">
            {rows.map((row) => (
              <CandidateRow
                key={row.candidate.key}
                row={row}
                others={rows.filter((o) => o.candidate.key !== row.candidate.key).map((o) => ({ key: o.candidate.key, name: o.name }))}
                onInclude={(on) => setEdits((e) => setIncluded(e, row.candidate.key, on))}
                onRename={(name) => setEdits((e) => rename(e, row.candidate.key, name))}
                onRetype={(type) => setEdits((e) => retype(e, row.candidate.key, type))}
                onMerge={(into) => setEdits((e) => merge(e, row.candidate.key, into))}
                onUnmerge={(key) => setEdits((e) => unmerge(e, key))}
              />
            ))}
          </ul>
          {problems.length > 0 && (
            <ul class="problems" aria-live="polite">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {saveError && (
            <p class="import-error" role="alert">
              {saveError}
            </p>
          )}
          <p class="actions">
            <button type="submit" class="primary" disabled={saving || problems.length > 0}>
              {saving ? 'Saving…' : kept === 1 ? 'Save 1 name' : `Save ${kept} names`}
            </button>
            <button type="button" onClick={() => void closeThisTab()}>
              Cancel
            </button>
          </p>
        </form>
      )}
    </main>
  );
}
