import Stripe from 'stripe';
import { FormObject, FormValue } from './form-body';
import { StripeApiError } from './stripe-api-error';

/** Typed, Stripe-worded reading of a decoded request; `prefix` names nested params in errors. */
export class StripeParams {
  constructor(
    readonly tree: FormObject,
    private readonly prefix = '',
  ) {}

  pathOf(name: string): string {
    return this.prefix ? `${this.prefix}[${name}]` : name;
  }

  raw(name: string): FormValue | undefined {
    return Object.hasOwn(this.tree, name) ? this.tree[name] : undefined;
  }

  /** Present with a value (an empty string means "unset", which is not a value). */
  has(name: string): boolean {
    const value = this.raw(name);
    return value !== undefined && value !== '';
  }

  /** Sent as an empty string: Stripe's way of clearing a field. */
  isCleared(name: string): boolean {
    return this.raw(name) === '';
  }

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw StripeApiError.parameterInvalid(
        this.pathOf(name),
        `Invalid string: ${this.pathOf(name)} must be a string.`,
      );
    return value;
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw StripeApiError.parameterMissing(this.pathOf(name));
    return value;
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value))
      throw StripeApiError.parameterInvalid(
        this.pathOf(name),
        `Invalid integer: ${value}`,
        'parameter_invalid_integer',
      );
    return Number(value);
  }

  requiredInteger(name: string): number {
    const value = this.integer(name);
    if (value === undefined) throw StripeApiError.parameterMissing(this.pathOf(name));
    return value;
  }

  number(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw StripeApiError.parameterInvalid(this.pathOf(name), `Invalid decimal: ${value}`);
    return parsed;
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false')
      throw StripeApiError.parameterInvalid(this.pathOf(name), `Invalid boolean: ${value}`);
    return value === 'true';
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw StripeApiError.parameterInvalid(
        this.pathOf(name),
        `Invalid ${this.pathOf(name)}: must be one of ${allowed.join(', ')}`,
      );
    }
    return value as T;
  }

  object(name: string): StripeParams | undefined {
    const value = this.raw(name);
    if (value === undefined || value === '') return undefined;
    if (typeof value === 'string' || Array.isArray(value))
      throw StripeApiError.parameterInvalid(this.pathOf(name), `Invalid object: ${this.pathOf(name)} must be a hash.`);
    return new StripeParams(value, this.pathOf(name));
  }

  /** An array of hashes, e.g. `line_items[0][price]`. */
  list(name: string): StripeParams[] {
    const value = this.raw(name);
    if (value === undefined || value === '') return [];
    if (!Array.isArray(value))
      throw StripeApiError.parameterInvalid(this.pathOf(name), `Invalid array: ${this.pathOf(name)} must be an array.`);
    return value.map((entry, index) => {
      if (typeof entry === 'string' || Array.isArray(entry))
        throw StripeApiError.parameterInvalid(
          `${this.pathOf(name)}[${index}]`,
          `Invalid object: ${this.pathOf(name)}[${index}] must be a hash.`,
        );
      return new StripeParams(entry, `${this.pathOf(name)}[${index}]`);
    });
  }

  /** An array of strings, e.g. `expand[0]=a` or `expand[]=a`. */
  strings(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined || value === '') return [];
    const values = Array.isArray(value) ? value : [value];
    return values.map((entry) => {
      if (typeof entry !== 'string')
        throw StripeApiError.parameterInvalid(
          this.pathOf(name),
          `Invalid array: ${this.pathOf(name)} must be an array of strings.`,
        );
      return entry;
    });
  }

  /** Refuses params the fake does not model, rather than ignoring them silently. */
  refuse(names: string[]): void {
    const sent = names.find((name) => this.raw(name) !== undefined);
    if (sent)
      throw StripeApiError.parameterInvalid(
        this.pathOf(sent),
        `The fake Stripe does not support ${this.pathOf(sent)}.`,
      );
  }

  /** Metadata as sent: `undefined` when absent, `null` when cleared, else keys with `''` meaning "remove". */
  metadata(name = 'metadata'): Record<string, string> | null | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (value === '') return null;
    if (typeof value === 'string' || Array.isArray(value))
      throw StripeApiError.parameterInvalid(this.pathOf(name), `Invalid object: ${this.pathOf(name)} must be a hash.`);
    const out: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (typeof entry !== 'string')
        throw StripeApiError.parameterInvalid(`${this.pathOf(name)}[${key}]`, 'Metadata values must be strings.');
      out[key] = entry;
    }
    return out;
  }

  /** Applies a metadata update the way Stripe does: merge, `''` removes a key, clearing empties it. */
  mergeMetadata(current: Stripe.Metadata, name = 'metadata'): Stripe.Metadata {
    const update = this.metadata(name);
    if (update === undefined) return current;
    if (update === null) return {};
    const merged = { ...current };
    for (const [key, value] of Object.entries(update)) {
      if (value === '') delete merged[key];
      else merged[key] = value;
    }
    return merged;
  }
}
