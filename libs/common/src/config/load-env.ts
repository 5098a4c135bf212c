import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Reads the variables declared on `schema` from the environment and validates them. A bad or
 * missing variable stops the process with a message naming it (never echoing its value, which
 * may be a secret).
 */
export function loadEnv<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new schema() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    raw[key] = env[key] === undefined || env[key] === '' ? defaults[key] : env[key];
  }
  const config = plainToInstance(schema, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new InvalidConfigError(errors.map(describe));
  return config;
}

function describe(error: ValidationError): string {
  const rules = Object.values(error.constraints ?? {}).map((m) => m.replace(error.property, '').trim());
  return `${error.property}: ${error.value === undefined ? 'is required; ' : ''}${rules.join('; ')}`;
}
