/** Review page entry: renders into #app (review.html). */
import { render } from 'preact';
import { packWorker } from '../common/pack-client';
import { usePackEngine } from '../common/packs-store';
import { ReviewApp } from './ReviewApp';

// Saving checks, writes and compiles in a Worker: the page stays responsive with many packs.
usePackEngine(packWorker());

const root = document.getElementById('app');
if (root) render(<ReviewApp />, root);
