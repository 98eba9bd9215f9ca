/**
 * Checks on a file a reader imports (a pack or a backup) before anything else looks at it: JSON
 * text nested too deep is refused before it is parsed, and the parsed value is walked once (no
 * recursion) for field names that could reach an object's prototype, texts too long to be
 * anything but an attack or an accident, broken text (lone UTF-16 surrogates) and sheer size.
 * Each refusal names the place: `packs[3].pack.source.headline: …`. Pure.
 */

export const JSON_LIMITS = {
  /** A backup holding a pack is 7 levels deep at most; far more is not a file of ours. */
  depth: 32,
  /** The longest text anywhere: a long paragraph of an article, with room to spare. */
  stringLength: 100_000,
  /** Values (objects, lists, texts, numbers…) in one file: 1,000 reading packs hold about 2 million. */
  values: 5_000_000,
} as const;

/** Names that mean something to JavaScript objects rather than to our data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The nesting depth of JSON text, counted without parsing it; stops counting past `limit`. */
export function jsonDepth(text: string, limit: number = JSON_LIMITS.depth): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key.slice(0, 40))}]`;

/** The first problem with a parsed value, or null when it may go on to the validators. */
export function checkJsonValue(value: unknown, root = ''): string | null {
  const stack: [unknown, string][] = [[value, root]];
  let count = 0;
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (++count > JSON_LIMITS.values) return `${root || 'the file'}: more than ${JSON_LIMITS.values.toLocaleString('en')} values; not a file Backstory wrote`;
    const where = path || 'the file';
    if (typeof v === 'string') {
      if (v.length > JSON_LIMITS.stringLength) {
        return `${where}: a text of ${v.length.toLocaleString('en')} characters; at most ${JSON_LIMITS.stringLength.toLocaleString('en')}`;
      }
      if (LONE_SURROGATE.test(v)) return `${where}: broken text (a lone UTF-16 surrogate); the file was damaged or badly converted`;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], pathOf(path, i)]);
    } else if (typeof v === 'object' && v !== null) {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) return `${where}: the field name "${key}" is not allowed`;
        if (key.length > JSON_LIMITS.stringLength || LONE_SURROGATE.test(key)) return `${where}: a field name that is too long or broken`;
        stack.push([(v as Record<string, unknown>)[key], pathOf(path, key)]);
      }
    }
  }
  return null;
}

/**
 * Parses JSON text a reader chose, refusing with one clear message (prefixed by the file name)
 * what is not JSON, nested too deep, or fails checkJsonValue.
 */
export function parseGuardedJson(text: string, fileName: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const depth = jsonDepth(text);
  if (depth > JSON_LIMITS.depth) return { ok: false, error: `${fileName} is nested more than ${JSON_LIMITS.depth} levels deep; not a file Backstory wrote.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `${fileName} is not valid JSON: ${(err as Error).message}` };
  }
  const problem = checkJsonValue(value);
  return problem ? { ok: false, error: `${fileName}: ${problem}.` } : { ok: true, value };
}
