/** An amount in a currency's minor unit, as a string of digits (JSON carries no bigint). */
export const MINOR_UNITS = /^-?(0|[1-9][0-9]{0,17})$/;
export const MINOR_UNITS_MESSAGE = 'must be an integer amount in minor units, as a string (99000 VND is "99000")';
export const CURRENCY_CODE = /^[A-Z]{3}$/;
export const CURRENCY_MESSAGE = 'must be an ISO 4217 code such as VND';
/** An amount that cannot be negative (billed, paid, earned), in minor units, as a string. */
export const NON_NEGATIVE_MINOR_UNITS = /^(0|[1-9][0-9]{0,17})$/;
export const NON_NEGATIVE_MINOR_UNITS_MESSAGE =
  'must be an integer amount of zero or more in minor units, as a string (99000 VND is "99000")';
/** A calendar day, `YYYY-MM-DD`. */
export const CALENDAR_DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
