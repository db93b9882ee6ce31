import { describe, expect, it } from 'vitest';
import { isRemoteUrl, safeUrl, urlOrigin } from './safe-url.ts';

describe('safeUrl', () => {
  it.each([
    ['https://example.com/page?q=1', 'https://example.com/page?q=1'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['  https://example.com/a b  ', 'https://example.com/a%20b'],
  ])('keeps the link %s', (input, expected) => {
    expect(safeUrl(input, 'link')).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' \njavascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:https://example.com/1234',
    'file:///etc/passwd',
    '/relative/path',
    '#anchor',
    '',
    'not a url',
  ])('drops the link %j', (input) => {
    expect(safeUrl(input, 'link')).toBeUndefined();
  });

  it('accepts data: URLs only for the matching media kind', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const wav = 'data:audio/wav;base64,UklGRg==';
    const mp4 = 'data:video/mp4;base64,AAAA';
    expect(safeUrl(png, 'image')).toBe(png);
    expect(safeUrl(wav, 'audio')).toBe(wav);
    expect(safeUrl(mp4, 'video')).toBe(mp4);
    expect(safeUrl(png, 'video')).toBeUndefined();
    expect(safeUrl(wav, 'image')).toBeUndefined();
    expect(safeUrl('data:text/html;base64,PHNjcmlwdD4=', 'image')).toBeUndefined();
  });

  it('refuses embedded SVG, which can carry script', () => {
    expect(safeUrl('data:image/svg+xml;base64,PHN2Zz4=', 'image')).toBeUndefined();
    expect(safeUrl('data:image/SVG+XML,<svg onload=alert(1)>', 'image')).toBeUndefined();
  });

  it('allows remote and blob: media but no script schemes', () => {
    expect(safeUrl('https://cdn.example.com/cat.jpg', 'image')).toBe('https://cdn.example.com/cat.jpg');
    expect(safeUrl('blob:http://localhost/abc', 'video')).toBe('blob:http://localhost/abc');
    expect(safeUrl('javascript:alert(1)', 'image')).toBeUndefined();
    expect(safeUrl(undefined, 'image')).toBeUndefined();
  });
});

describe('isRemoteUrl and urlOrigin', () => {
  it('tells remote URLs from local ones and names their host', () => {
    expect(isRemoteUrl('https://example.com:8443/x.png')).toBe(true);
    expect(isRemoteUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(urlOrigin('https://example.com:8443/x.png')).toBe('example.com:8443');
    expect(urlOrigin('data:image/png;base64,AAAA')).toBeUndefined();
  });
});
