/** The version stamped on the API documents; bump with each release. */
export const SUITE_VERSION = '0.1.0';
