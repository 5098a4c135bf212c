import { IsInt, Matches, Min } from 'class-validator';
import { InvalidConfigError, loadEnv } from './load-env';

class SampleEnv {
  @Matches(/^postgres:\/\//, { message: 'must be a postgres:// URL' }) DATABASE_URL: string = '';
  @IsInt() @Min(1) HTTP_PORT: number = 3000;
}

describe('loadEnv', () => {
  it('reads declared variables, converting numbers, and keeps defaults', () => {
    expect(loadEnv(SampleEnv, { DATABASE_URL: 'postgres://db/x', HTTP_PORT: '8080', OTHER: 'ignored' })).toEqual(
      Object.assign(new SampleEnv(), { DATABASE_URL: 'postgres://db/x', HTTP_PORT: 8080 }),
    );
    expect(loadEnv(SampleEnv, { DATABASE_URL: 'postgres://db/x' }).HTTP_PORT).toBe(3000);
  });

  it('refuses bad values naming each variable, without echoing them', () => {
    let error: unknown;
    try {
      loadEnv(SampleEnv, { DATABASE_URL: 'mysql://secret-password@db', HTTP_PORT: 'eighty' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('HTTP_PORT');
    expect(message).not.toContain('secret-password');
  });
});
