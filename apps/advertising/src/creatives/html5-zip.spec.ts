import { zipOf } from '@libs/testing';
import { html5ZipFiles, html5ZipProblem } from './html5-zip';

const html = Buffer.from('<!doctype html><html><body>Ad</body></html>');

describe('html5ZipProblem', () => {
  it('accepts a zip with its entry file, stored or deflated', () => {
    const zip = zipOf([
      { name: 'index.html', data: html, deflate: true },
      { name: 'assets/', data: Buffer.alloc(0) },
      { name: 'assets/logo.png', data: Buffer.alloc(500) },
    ]);
    expect(html5ZipProblem(zip, 'index.html')).toBeNull();
  });

  it.each([
    ['not a zip', Buffer.from('PK but not really'), 'is not a zip file'],
    ['no entry file', zipOf([{ name: 'main.html', data: html }]), 'has no index.html'],
    [
      'a parent-directory name',
      zipOf([
        { name: 'index.html', data: html },
        { name: '../../etc/cron.d/x', data: html },
      ]),
      'holds a file named outside it: "../../etc/cron.d/x"',
    ],
    ['an absolute name', zipOf([{ name: '/etc/passwd', data: html }]), 'holds a file named outside it: "/etc/passwd"'],
    [
      'a backslash name',
      zipOf([{ name: '..\\evil.html', data: html }]),
      'holds a file named outside it: "..\\\\evil.html"',
    ],
    ['a drive letter', zipOf([{ name: 'C:/evil.html', data: html }]), 'holds a file named outside it: "C:/evil.html"'],
    [
      'a bomb that declares its real size',
      zipOf([{ name: 'index.html', data: Buffer.alloc(3_000_000), deflate: true }]),
      'inflates to more than 2000000 bytes',
    ],
    [
      'a bomb that lies about its size',
      zipOf([{ name: 'index.html', data: Buffer.alloc(3_000_000), deflate: true, declaredSize: 100 }]),
      'inflates to more than 2000000 bytes',
    ],
    [
      'many entries that together inflate too far',
      zipOf(
        Array.from({ length: 5 }, (_, n) => ({
          name: n === 0 ? 'index.html' : `f${n}.js`,
          data: Buffer.alloc(500_000),
          deflate: true,
          declaredSize: 1,
        })),
      ),
      'inflates to more than 2000000 bytes',
    ],
    [
      'too many files',
      zipOf(Array.from({ length: 101 }, (_, n) => ({ name: n === 0 ? 'index.html' : `f${n}.js`, data: html }))),
      'holds 101 files, more than 100',
    ],
  ])('refuses %s', (_what, zip, problem) => {
    expect(html5ZipProblem(zip, 'index.html')).toBe(problem);
  });
});

describe('html5ZipFiles', () => {
  it('gives each file of the zip by its name, inflated, and no directory', () => {
    const script = Buffer.from('document.title = "Tết";');
    const files = html5ZipFiles(
      zipOf([
        { name: 'index.html', data: html, deflate: true },
        { name: 'js/', data: Buffer.alloc(0) },
        { name: 'js/main.js', data: script },
      ]),
    );
    expect([...files!.entries()]).toEqual([
      ['index.html', html],
      ['js/main.js', script],
    ]);
  });

  it('gives nothing of a zip it refuses', () => {
    expect(html5ZipFiles(zipOf([{ name: '../x.html', data: html }]))).toBeNull();
    expect(html5ZipFiles(Buffer.from('not a zip'))).toBeNull();
  });
});
