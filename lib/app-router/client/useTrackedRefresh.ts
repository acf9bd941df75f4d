import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useTransition } from 'react';

/**
 * `router.refresh()` as a promise: it resolves `true` once the server components ran again and
 * React rendered them. The refresh runs in a transition, and the first commit after the request
 * in which that transition is no longer pending is that moment (React may commit the pending
 * flag and the result together, so the flag's edges are not watched). Next's own `refresh()`
 * returns nothing to wait on.
 */
export function useTrackedRefresh(): () => Promise<boolean> {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const waiting = useRef<Array<(completed: boolean) => void>>([]);

  useEffect(() => {
    if (isPending || waiting.current.length === 0) return;
    for (const resolve of waiting.current.splice(0)) resolve(true);
  });

  return useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        waiting.current.push(resolve);
        startTransition(() => router.refresh());
      }),
    [router],
  );
}
