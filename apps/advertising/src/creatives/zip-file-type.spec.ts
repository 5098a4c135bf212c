import { zipFileTypeOf } from './zip-file-type';

describe('zipFileTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['js/main.JS', 'text/javascript; charset=utf-8'],
    ['css/ad.css', 'text/css; charset=utf-8'],
    ['img/logo.png', 'image/png'],
    ['img/photo.jpeg', 'image/jpeg'],
    ['img/icon.svg', 'image/svg+xml'],
    ['fonts/a.woff2', 'font/woff2'],
    ['video/intro.mp4', 'video/mp4'],
    ['README', 'application/octet-stream'],
    ['.htaccess', 'application/octet-stream'],
    ['data.bin', 'application/octet-stream'],
    ['dir.html/file', 'application/octet-stream'],
    ['script.php', 'application/octet-stream'],
  ])('serves %s as %s', (name, type) => {
    expect(zipFileTypeOf(name)).toBe(type);
  });
});
