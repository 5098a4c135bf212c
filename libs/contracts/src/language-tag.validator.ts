import { ValidateBy, ValidationOptions } from 'class-validator';

/** Longer tags exist, but none a CMS gives an article (BCP 47 asks implementations to take at least 35). */
const LANGUAGE_TAG_MAX = 35;

/**
 * The tag in its canonical form (`VI-vn` → `vi-VN`), or null when it is not a well-formed BCP 47
 * language tag whose language is an ISO 639 code of two or three letters (`vi`, `en-US`,
 * `zh-Hant-TW`, `fil`).
 */
export function canonicalLanguageTag(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > LANGUAGE_TAG_MAX || !/^[A-Za-z]{2,3}(-|$)/.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/** A BCP 47 language tag (see {@link canonicalLanguageTag}). */
export function IsLanguageTag(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLanguageTag',
      validator: {
        validate: (value: unknown) => canonicalLanguageTag(value) !== null,
        defaultMessage: () => '$property must be a BCP 47 language tag, e.g. vi or en-US',
      },
    },
    options,
  );
}
