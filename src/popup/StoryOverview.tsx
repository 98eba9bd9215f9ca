/**
 * The stories of the enabled packs, newest first: headline, dated source line ("The Guardian ·
 * 9 Jul 2022"; "From your reading · …" for a pack the reader built) and summary of each.
 */
import { newestFirst } from '../ui/source-date';
import { sourceLine } from '../ui/source-label';
import { useKnowledge } from './knowledge';

export function StoryOverview() {
  const stories = newestFirst(useKnowledge().stories, (s) => s);
  if (stories.length === 0) return null;
  return (
    <section class="story" aria-labelledby="story-title">
      <h2 id="story-title">{stories.length === 1 ? 'The story' : 'The stories'}</h2>
      <ul class="stories">
        {stories.map((s) => (
          <li key={s.id} class="story-item" data-source-id={s.id}>
            <p class="story-headline">{s.headline}</p>
            <p class="story-outlet">{sourceLine(s)}</p>
            <p class="story-summary">{s.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
