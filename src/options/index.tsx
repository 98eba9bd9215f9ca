/** Options entry: renders into #app (options.html). */
import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
import { packWorker } from '../common/pack-client';
import { usePackEngine } from '../common/packs-store';

// Checking files, writing packs and compiling run in a Worker: this page never freezes.
usePackEngine(packWorker());

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
