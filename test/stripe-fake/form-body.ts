/** A value decoded from Stripe's form encoding: strings at the leaves, objects and arrays above. */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Decodes a body (or query string) the way Stripe reads what its SDKs send:
 * `line_items[0][price]=p&metadata[k]=v&expand[]=x&expand[1]=y` becomes nested objects and arrays.
 * An empty value stays `''`, which Stripe reads as "unset this field".
 */
export function parseFormBody(body: string): FormObject {
  const root: FormObject = {};
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : pair.slice(eq + 1));
    assign(root, keyPath(key), value);
  }
  return arraysFromIndexes(root) as FormObject;
}

/** Turns a JSON body (used by the `/_fake` controls) into the same tree, primitives as strings. */
export function formValueFromJson(json: unknown): FormValue {
  if (Array.isArray(json)) return json.map(formValueFromJson);
  if (json !== null && typeof json === 'object') {
    const out: FormObject = {};
    for (const [key, value] of Object.entries(json)) {
      if (!FORBIDDEN_KEYS.has(key) && value !== undefined) out[key] = formValueFromJson(value);
    }
    return out;
  }
  return json === null ? '' : String(json);
}

function decodeComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** `a[b][0][]` -> ['a', 'b', '0', '']; a malformed key is taken literally. */
function keyPath(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return [key];
  const rest = key.slice(open);
  if (!/^(\[[^[\]]*\])+$/.test(rest)) return [key];
  return [key.slice(0, open), ...rest.slice(1, -1).split('][')];
}

function assign(root: FormObject, path: string[], value: string): void {
  if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) return;
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] === '' ? String(Object.keys(node).length) : path[i];
    if (i === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (next === undefined || typeof next === 'string' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as FormObject;
  }
}

/** Objects whose keys are all 0..n-1 become arrays, in index order. */
function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = arraysFromIndexes(value[key]);
  const indexed = keys.length > 0 && keys.every((key) => /^(0|[1-9]\d*)$/.test(key));
  if (!indexed) return value;
  const ordered = keys.map(Number).sort((a, b) => a - b);
  return ordered.map((index) => value[String(index)]);
}
