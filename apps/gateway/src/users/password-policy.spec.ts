import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long password mixing three kinds of character', () => {
    expect(passwordProblems('Correct-horse-battery', 'lan@tinnhanh.vn')).toEqual([]);
  });

  it.each([
    ['too short', 'Ab1-short'],
    ['one kind only', 'correcthorsebatterystaple'],
    ['built from the email', 'Nguyenlan-2026'],
  ])('refuses a password that is %s, naming the field', (_why, password) => {
    const problems = passwordProblems(password, 'nguyenlan@tinnhanh.vn');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.field === 'password')).toBe(true);
  });
});
