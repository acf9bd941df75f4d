import { createPagesRouterReload } from '../../lib/pages-router/client/pagesRouterReload';
import { createFakeNextRouter } from '../../lib/testing/fakeNextRouter';

describe('soft reload through the pages router', () => {
  it('without a hash: one navigation to the URL shown, no scroll', async () => {
    const router = createFakeNextRouter('/account?tab=1');
    const reload = createPagesRouterReload(router).reload();
    expect(router.pendingTarget()).toBe('/account?tab=1');
    await router.completeNavigation();
    await expect(reload).resolves.toBe(true);
    expect(router.scrolledToHashes).toEqual([]);
  });

  it('with a hash: the props run again for the URL without it, then the hash comes back and is scrolled to', async () => {
    const router = createFakeNextRouter('/account?tab=1#devices');
    const soft = createPagesRouterReload(router);
    const reload = soft.reload();
    await flush();
    // A real navigation, not a hash-only change.
    expect(router.pendingTarget()).toBe('/account?tab=1');
    expect(soft.hashInFlight()).toBe('#devices');
    await router.completeNavigation();
    await expect(reload).resolves.toBe(true);
    expect(router.asPath).toBe('/account?tab=1#devices');
    expect(router.scrolledToHashes).toEqual(['devices']);
    expect(soft.hashInFlight()).toBe('');
  });

  it('a reload the plain way would have been a no-op for a URL with a hash (what this module avoids)', async () => {
    const router = createFakeNextRouter('/account#devices');
    await expect(router.replace(router.asPath, undefined, { scroll: false })).resolves.toBe(true);
    expect(router.hasPendingNavigation()).toBe(false);
  });

  it('puts the hash back before failing, so the document reload that follows keeps it', async () => {
    const router = createFakeNextRouter('/account#devices');
    const reload = createPagesRouterReload(router).reload();
    await flush();
    router.failNavigation();
    await expect(reload).rejects.toThrow('Invariant');
    expect(router.asPath).toBe('/account#devices');
  });

  it('resolves false when a newer navigation cancels it, and leaves the URL to that navigation', async () => {
    const router = createFakeNextRouter('/account#devices');
    const reload = createPagesRouterReload(router).reload();
    await flush();
    const newer = router.push('/activity');
    await expect(reload).resolves.toBe(false);
    await router.completeNavigation();
    await newer;
    expect(router.asPath).toBe('/activity');
  });
});

async function flush() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
