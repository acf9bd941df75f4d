import fc from 'fast-check';
import NextRouter from 'next/dist/shared/lib/router/router';
import { createFakeNextRouter, onlyAHashChange } from '../../lib/testing/fakeNextRouter';

type RealOnlyAHashChange = (this: { asPath: string }, as: string) => boolean;

/** The fake must be no kinder than the real router: where they can be compared, they agree. */
describe('fake Next router', () => {
  it('decides "hash-only change" exactly as Next’s own router does (5,000 pairs of URLs)', () => {
    const real = (NextRouter.prototype as unknown as { onlyAHashChange: RealOnlyAHashChange }).onlyAHashChange;
    const asPath = fc
      .tuple(
        fc.constantFrom('/', '/a', '/a/b', '/a?x=1', '/a?x=2'),
        fc.option(fc.constantFrom('', 'top', 'devices', 'x#y'), { nil: undefined }),
      )
      .map(([path, hash]) => (hash === undefined ? path : `${path}#${hash}`));
    fc.assert(
      fc.property(asPath, asPath, (current, next) => {
        expect(onlyAHashChange(current, next)).toBe(real.call({ asPath: current }, next));
      }),
      { numRuns: 5_000 },
    );
  });

  it('resolves a navigation to the URL it shows, hash included, at once and without new props', async () => {
    const router = createFakeNextRouter('/account#devices');
    await expect(router.replace('/account#devices')).resolves.toBe(true);
    expect(router.hasPendingNavigation()).toBe(false);
  });

  it('cancels the navigation in flight, which resolves false, even for a hash-only change', async () => {
    const router = createFakeNextRouter('/account');
    const first = router.replace('/account');
    const second = router.push('/account#devices');
    await expect(first).resolves.toBe(false);
    await expect(second).resolves.toBe(true);
  });

  it('resolves true only after the app rendered the new props', async () => {
    const router = createFakeNextRouter('/a');
    const order: string[] = [];
    const navigation = router.push('/b').then(() => order.push('resolved'));
    await router.completeNavigation(() => {
      order.push('rendered');
    });
    await navigation;
    expect(order).toEqual(['rendered', 'resolved']);
    expect(router.asPath).toBe('/b');
  });

  it('throws Next’s invariant when the data request for the URL it shows fails, and hard-navigates elsewhere', async () => {
    const router = createFakeNextRouter('/a');
    const same = router.replace('/a');
    router.failNavigation();
    await expect(same).rejects.toThrow('Invariant: attempted to hard navigate to the same URL /a');
    const other = router.push('/b');
    router.failNavigation();
    await expect(other).resolves.toBe(false);
    expect(router.hardNavigations).toEqual(['/b']);
  });
});
