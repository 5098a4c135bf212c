import { gifOf, jpegOf, pngOf, webpOf } from '@libs/testing';
import { readImageHeader } from './image-header';

describe('readImageHeader', () => {
  it.each([
    ['png', pngOf(300, 250), 'image/png', 300, 250],
    ['gif', gifOf(728, 90), 'image/gif', 728, 90],
    ['jpeg', jpegOf(300, 600), 'image/jpeg', 300, 600],
    ['webp', webpOf(970, 250), 'image/webp', 970, 250],
  ])('reads a %s header', (format, bytes, contentType, width, height) => {
    expect(readImageHeader(bytes)).toEqual({ format, contentType, width, height });
  });

  it.each([
    ['html pretending to be an image', Buffer.from('<html><script>alert(1)</script></html>')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="250"/>')],
    ['a truncated PNG', pngOf(300, 250).subarray(0, 20)],
    ['nothing', Buffer.alloc(0)],
  ])('reads nothing from %s', (_what, bytes) => {
    expect(readImageHeader(bytes)).toBeNull();
  });
});
