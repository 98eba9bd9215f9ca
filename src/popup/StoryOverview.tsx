/** The stories of the enabled packs, the built-in first: headline, outlet and summary of each. */
import { useKnowledge } from './knowledge';

export function StoryOverview() {
  const { stories } = useKnowledge();
  if (stories.length === 0) return null;
  return (
    <section class="story" aria-labelledby="story-title">
      <h2 id="story-title">{stories.length === 1 ? 'The story' : 'The stories'}</h2>
      <ul class="stories">
        {stories.map((s) => (
          <li key={s.id} class="story-item" data-source-id={s.id}>
            <p class="story-headline">{s.headline}</p>
            <p class="story-outlet">{s.outlet}</p>
            <p class="story-summary">{s.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
