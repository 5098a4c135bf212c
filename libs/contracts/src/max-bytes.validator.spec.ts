import { validateSync } from 'class-validator';
import { MaxBytes } from './max-bytes.validator';

class Note {
  @MaxBytes(6) text!: string;
}

function errorsOf(text: unknown): string[] {
  const note = Object.assign(new Note(), { text });
  return validateSync(note).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('MaxBytes', () => {
  it('counts UTF-8 bytes, not characters', () => {
    expect(errorsOf('abcdef')).toEqual([]);
    // Two characters of Vietnamese, three bytes each: at the limit; one more is over it.
    expect(errorsOf('ếế')).toEqual([]);
    expect(errorsOf('ếếa')).toEqual(['text must be a string of at most 6 bytes (UTF-8)']);
    expect('ếếa'.length).toBeLessThan(6);
  });

  it('refuses what is not a string', () => {
    expect(errorsOf(42)).toHaveLength(1);
  });
});
