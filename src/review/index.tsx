/** Review page entry: renders into #app (review.html). */
import { render } from 'preact';
import { ReviewApp } from './ReviewApp';

const root = document.getElementById('app');
if (root) render(<ReviewApp />, root);
