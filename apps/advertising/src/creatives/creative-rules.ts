import type { FieldError, CreativeFormat, CreativeKind } from '@libs/contracts';
import { readImageHeader } from './image-header';

const KB = 1000;

/**
 * The heaviest image a size takes, in bytes (IAB's initial-load guidance for display ads); a custom
 * size not listed here takes `OTHER_IMAGE_MAX_BYTES`, a native image `NATIVE_IMAGE_MAX_BYTES`.
 */
export const IMAGE_MAX_BYTES: Readonly<Record<string, number>> = {
  '300x250': 150 * KB,
  '336x280': 150 * KB,
  '728x90': 150 * KB,
  '160x600': 150 * KB,
  '300x600': 200 * KB,
  '970x250': 200 * KB,
  '320x50': 50 * KB,
  '320x100': 50 * KB,
};
export const OTHER_IMAGE_MAX_BYTES = 200 * KB;
export const NATIVE_IMAGE_MAX_BYTES = 200 * KB;
/** A third-party tag's HTML, in bytes. */
export const TAG_MAX_BYTES = 16 * KB;
/** The longest a non-fixed format may keep its close control out of reach (Advertising Law: 1.5 s). */
export const CLOSE_CONTROL_MAX_MS = 1500;
/** What an ad inside article content must say it is. */
export const AD_LABELS = ['Quảng cáo', 'Advertisement'] as const;

/** The heaviest image a creative of this size may be. */
export function imageMaxBytes(size: string): number {
  return size === 'native' ? NATIVE_IMAGE_MAX_BYTES : (IMAGE_MAX_BYTES[size] ?? OTHER_IMAGE_MAX_BYTES);
}

/** `WxH` as numbers; null for `native` and `fluid`. */
export function pixelsOf(size: string): { width: number; height: number } | null {
  const match = /^(\d+)x(\d+)$/.exec(size);
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}

/**
 * What is wrong with an uploaded image for a creative of `size`: its real format (from its bytes) is
 * PNG, JPEG, GIF or WebP, its pixels are the size's (any, for a native image), and it weighs at most
 * the size's limit. `field` names where the bytes came from.
 */
export function imageProblems(
  bytes: Buffer,
  size: string,
  field: string,
): { errors: FieldError[]; contentType: string | null; width: number; height: number } {
  const header = readImageHeader(bytes);
  if (!header)
    return {
      errors: [{ field, message: 'must be a PNG, JPEG, GIF or WebP image' }],
      contentType: null,
      width: 0,
      height: 0,
    };
  const errors: FieldError[] = [];
  const wanted = pixelsOf(size);
  if (wanted && (header.width !== wanted.width || header.height !== wanted.height))
    errors.push({ field, message: `is ${header.width}x${header.height} pixels, not ${size}` });
  const max = imageMaxBytes(size);
  if (bytes.length > max) errors.push({ field, message: `weighs ${bytes.length} bytes, more than ${max} for ${size}` });
  return { errors, contentType: header.contentType, width: header.width, height: header.height };
}

/**
 * What the Advertising Law asks that a machine can check: a floating or interstitial ad shows its
 * close control within 1.5 s; an ad placed inside article content is labelled as an ad.
 */
export function lawProblems(creative: {
  format: CreativeFormat;
  closeControlAfterMs?: number | null;
  placement: 'standard' | 'in-content';
  label?: string | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (creative.format !== 'fixed') {
    const after = creative.closeControlAfterMs;
    if (after === undefined || after === null)
      errors.push({
        field: 'closeControlAfterMs',
        message: `a ${creative.format} ad must declare when its close control appears`,
      });
    else if (after > CLOSE_CONTROL_MAX_MS)
      errors.push({
        field: 'closeControlAfterMs',
        message: `must be at most ${CLOSE_CONTROL_MAX_MS} ms for a ${creative.format} ad`,
      });
  }
  if (creative.placement === 'in-content' && !AD_LABELS.includes(creative.label as (typeof AD_LABELS)[number]))
    errors.push({
      field: 'label',
      message: `an ad inside article content must carry the label ${AD_LABELS.map((l) => `"${l}"`).join(' or ')}`,
    });
  return errors;
}

/** Whether a line's unit takes a creative: its size is one of the unit's, or the unit is fluid and the creative not native. */
export function unitAccepts(unitSizes: readonly string[], creative: { kind: CreativeKind; size: string }): boolean {
  if (unitSizes.includes(creative.size)) return true;
  return unitSizes.includes('fluid') && creative.size !== 'native';
}

/** A click or landing URL: https, a host, no user name or password in it. */
export function clickUrlProblem(url: string, field: string): FieldError | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { field, message: 'must be an absolute https URL' };
  }
  if (parsed.protocol !== 'https:') return { field, message: 'must be an https URL' };
  if (parsed.username || parsed.password) return { field, message: 'must not carry credentials' };
  return null;
}
