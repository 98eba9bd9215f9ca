/** The built-in story: headline, outlet, standfirst and summary. */
import { story } from './knowledge';

export function StoryOverview() {
  if (!story) return null;
  return (
    <section class="story" aria-labelledby="story-title">
      <h2 id="story-title">The story</h2>
      <p class="story-headline">{story.headline}</p>
      <p class="story-outlet">{story.outlet}</p>
      <p class="story-summary">{story.summary}</p>
    </section>
  );
}
