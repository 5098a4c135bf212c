import type { FieldError, CreateCreativeRequest } from '@libs/contracts';
import { clickUrlProblem, imageProblems, lawProblems, pixelsOf, TAG_MAX_BYTES } from './creative-rules';
import { html5ZipProblem } from './html5-zip';

/** What a creative stores once its request is checked: its file (if any) and what was read from it. */
export interface CheckedContent {
  content: Buffer | null;
  contentType: string | null;
  entryFile: string | null;
  tag: string | null;
  headline: string | null;
}

/** Where the file of a request comes from: the bytes sent (`contentBase64`) or fetched (`contentUrl`). */
export function contentFieldOf(request: CreateCreativeRequest): 'contentBase64' | 'contentUrl' {
  return request.contentBase64 === undefined && request.contentUrl !== undefined ? 'contentUrl' : 'contentBase64';
}

/**
 * What is wrong with a creative request apart from its file's bytes: the fields each kind needs, its
 * click URL, the Advertising Law's checks. Pure.
 */
export function requestProblems(request: CreateCreativeRequest): FieldError[] {
  const errors: FieldError[] = [];
  const needsFile = request.kind !== 'tag';
  if (needsFile && request.contentBase64 === undefined && request.contentUrl === undefined)
    errors.push({ field: 'contentBase64', message: `a ${request.kind} creative needs its file (or contentUrl)` });
  if (needsFile && request.contentBase64 !== undefined && request.contentUrl !== undefined)
    errors.push({ field: 'contentUrl', message: 'give the file or its URL, not both' });
  if (!needsFile && (request.contentBase64 !== undefined || request.contentUrl !== undefined))
    errors.push({ field: 'contentBase64', message: 'a tag creative has no file: send its HTML as tag' });
  if (request.kind === 'native' && request.size !== 'native')
    errors.push({ field: 'size', message: 'a native creative is of size native' });
  if ((request.kind === 'image' || request.kind === 'html5') && !pixelsOf(request.size))
    errors.push({ field: 'size', message: `a ${request.kind} creative has a fixed size WxH` });
  if (request.kind === 'native' && !request.headline)
    errors.push({ field: 'headline', message: 'a native creative needs a headline (at most 90 characters)' });
  if (request.kind === 'tag') errors.push(...tagProblems(request.tag));
  if (request.kind !== 'tag' && request.clickUrl === undefined)
    errors.push({ field: 'clickUrl', message: `a ${request.kind} creative needs an https click URL` });
  if (request.clickUrl !== undefined) {
    const problem = clickUrlProblem(request.clickUrl, 'clickUrl');
    if (problem) errors.push(problem);
  }
  if (request.contentUrl !== undefined) {
    const problem = /^https?:\/\//i.test(request.contentUrl)
      ? null
      : { field: 'contentUrl', message: 'must be an http or https URL' };
    if (problem) errors.push(problem);
  }
  errors.push(
    ...lawProblems({
      format: request.format ?? 'fixed',
      closeControlAfterMs: request.closeControlAfterMs,
      placement: request.placement ?? 'standard',
      label: request.label,
    }),
  );
  return errors;
}

/** A third-party tag (a creative's, or a unit's passback): present, at most 16 kB, every URL in it https. */
export function tagProblems(tag: string | undefined, field = 'tag'): FieldError[] {
  if (!tag?.trim()) return [{ field, message: 'a tag needs its HTML' }];
  if (Buffer.byteLength(tag, 'utf8') > TAG_MAX_BYTES)
    return [{ field, message: `must be at most ${TAG_MAX_BYTES} bytes` }];
  if (/\bhttp:|(["'=(])\/\/[^/]/i.test(tag))
    return [{ field, message: 'must load everything over https (no http: or scheme-relative URLs)' }];
  return [];
}

/** Checks the file's bytes for the creative's kind and size; the errors name `field`. Pure. */
export function checkContent(
  request: CreateCreativeRequest,
  bytes: Buffer | null,
  field: string,
): { errors: FieldError[]; checked: CheckedContent } {
  const base: CheckedContent = {
    content: null,
    contentType: null,
    entryFile: null,
    tag: request.kind === 'tag' ? (request.tag ?? null) : null,
    headline: request.kind === 'native' ? (request.headline ?? null) : null,
  };
  if (request.kind === 'tag' || !bytes) return { errors: [], checked: base };
  if (request.kind === 'html5') {
    const entryFile = request.entryFile ?? 'index.html';
    const problem = html5ZipProblem(bytes, entryFile);
    return {
      errors: problem ? [{ field, message: problem }] : [],
      checked: { ...base, content: bytes, contentType: 'application/zip', entryFile },
    };
  }
  const image = imageProblems(bytes, request.size, field);
  return { errors: image.errors, checked: { ...base, content: bytes, contentType: image.contentType } };
}
