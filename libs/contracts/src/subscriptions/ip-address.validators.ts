import { ValidateBy, ValidationOptions } from 'class-validator';
import { parseCidrRange, parseIpAddress } from './ip-address';

/** A single IPv4 or IPv6 address, parsed strictly (see {@link parseIpAddress}). */
export function IsIpAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIpAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseIpAddress(value) !== null,
        defaultMessage: () => '$property must be an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::1',
      },
    },
    options,
  );
}

/** Networks in CIDR notation with no host bits set, e.g. `203.0.113.0/24` or `2001:db8::/32`. */
export function IsCidrRange(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCidrRange',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseCidrRange(value) !== null,
        defaultMessage: () =>
          '$property must hold CIDR networks with no host bits set, such as 203.0.113.0/24 or 2001:db8::/32',
      },
    },
    options,
  );
}
