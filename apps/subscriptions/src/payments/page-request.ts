/** Where a page of a provider list starts: after the object `after` (null: from the newest). */
export interface PageRequest {
  after: string | null;
  limit: number;
}
