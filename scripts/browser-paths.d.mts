export interface FoundBrowser {
  path: string | null;
  looked: string[];
  fromEnv: boolean;
  env: string;
  install: string;
}
export const BROWSER_PATHS: Record<'chromium' | 'firefox', { env: string; candidates: string[]; install: string }>;
export function findBrowser(name: 'chromium' | 'firefox'): FoundBrowser;
