import type { BuildOptions, Plugin } from 'esbuild';
export function virtualModules(data: { packs: unknown; compiled: unknown }): Plugin;
export function trimmedCountries(): Plugin;
export function compromiseLexicon(): Plugin;
export function cssText(): Plugin;
export function bundleOptions(data: { packs: unknown; compiled: unknown }, options?: { dev?: boolean; openCardRoot?: boolean }): BuildOptions;
export const CONTENT_ENTRY: string;
export const MODULE_ENTRIES: { card: string; marker: string };
/** The extension's pages, background and worker: name → entry point (each becomes <name>.js). */
export const PAGE_ENTRIES: Record<string, string>;
export function contentScriptOptions(data: { packs: unknown; compiled: unknown }, options?: { dev?: boolean; openCardRoot?: boolean }): BuildOptions;
export function moduleOptions(data: { packs: unknown; compiled: unknown }, options?: { dev?: boolean; openCardRoot?: boolean }): BuildOptions;
