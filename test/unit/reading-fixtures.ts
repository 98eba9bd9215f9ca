/** A fictional news story shared by the reading-pipeline tests (src/reading, scripts/pack-html). */
import type { NewsPage } from './news-page';

export const HARBOUR_PAGE: NewsPage = {
  headline: 'Port authority approves new ferry link between Norland and Estavia',
  standfirst: 'The deal ends two years of talks and gives the two islands their first direct crossing since the war',
  outlet: 'The Harbour Herald',
  published: '2024-03-14T09:30:00Z',
  canonical: 'https://herald.example/news/2024/mar/14/ferry-link',
  byline: 'Petra Lindqvist',
  mostViewed: ['Gregor Samsa', 'Olivia Stonebridge', 'Marcus Vell'],
  body: [
    'Norland and Estavia signed the ferry agreement on Thursday in the port city of Kelvik, ending two years of talks.',
    'Maren Osterholt, the Norland transport minister, said the crossing would open in the spring. “This link will bring our islands closer than they have been for a generation,” Osterholt told reporters.',
    'The Estavian foreign minister, Tomas Quill, said his government would pay for a new terminal. Quill called the deal “a fair bargain for both sides”.',
    'The Baltic Ferry Company (BFC) will run three sailings a day. BFC said tickets would go on sale in May.',
    'Osterholt and Quill will meet again in Kelvik next month to sign the timetable.',
  ],
};
