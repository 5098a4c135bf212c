/** Lists answer at most this many items a page, and this many when the caller does not say. */
export const LIST_PAGE_MAX = 100;
export const LIST_PAGE_DEFAULT = 50;
