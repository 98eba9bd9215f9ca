import type { BuildOptions, Plugin } from 'esbuild';
export function virtualModules(data: { packs: unknown; compiled: unknown }): Plugin;
export function trimmedCountries(): Plugin;
export function compromiseLexicon(): Plugin;
export function cssText(): Plugin;
export function bundleOptions(data: { packs: unknown; compiled: unknown }, options?: { dev?: boolean; openCardRoot?: boolean }): BuildOptions;
