import { describe, expect, it } from 'vitest';
import { parseRouteHeader } from './chat-route.ts';

describe('parseRouteHeader', () => {
  it('reads every attempt in order, decoding ids that carry scenario suffixes', () => {
    expect(
      parseRouteHeader(
        'model=parley%2Fecho%3Adrop%3Bafter%3D3;provider=Parley;status=503, model=parley%2Fecho;provider=Mynah;status=200',
      ),
    ).toEqual([
      { model: 'parley/echo:drop;after=3', provider: 'Parley', status: 503 },
      { model: 'parley/echo', provider: 'Mynah', status: 200 },
    ]);
  });

  it('gives nothing for a missing or malformed header rather than a half-read chain', () => {
    expect(parseRouteHeader(null)).toBeUndefined();
    expect(parseRouteHeader('')).toBeUndefined();
    expect(parseRouteHeader('model=a;provider=B;status=ok')).toBeUndefined();
    expect(parseRouteHeader('model=%E0%A4%A;provider=B;status=200')).toBeUndefined();
  });
});
