import { DataSource, EntityManager } from 'typeorm';

/** Runs an UPDATE … RETURNING and answers the rows (TypeORM answers an UPDATE with `[rows, count]`, unlike an INSERT). */
export async function updateReturning<T>(
  db: EntityManager | DataSource,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const [rows] = (await db.query(sql, parameters)) as [T[], number];
  return rows;
}
