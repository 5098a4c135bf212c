/** Where a page of a provider list starts: after the object `after` (null: from the newest). */
export interface PageRequest {
  after: string | null;
  limit: number;
}

/** One page of a provider list, the objects as read, and where the following page starts (null: this was the last). */
export interface ListedPage<T> {
  items: T[];
  next: string | null;
}
