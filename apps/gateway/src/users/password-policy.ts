import { FieldError } from '@libs/contracts';

/**
 * Information-security level 3: at least 12 characters, three of four character classes, and
 * not built from the user's own email.
 */
export function passwordProblems(password: string, email: string): FieldError[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('must be at least 12 characters');
  if (password.length > 200) problems.push('must be at most 200 characters');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('must mix at least three of: lower case, upper case, digits, symbols');
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) problems.push('must not contain the email name');
  return problems.map((message) => ({ field: 'password', message: `password ${message}` }));
}
