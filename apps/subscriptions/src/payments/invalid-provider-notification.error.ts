/** A provider notification whose signature is bad or stale; `field` names where the signature came. */
export class InvalidProviderNotificationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
