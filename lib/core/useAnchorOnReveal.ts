import { useLayoutEffect, useRef } from 'react';

/**
 * Scrolls to the URL's anchor when the page replaces the loading UI. The browser (or the router)
 * looked for `#devices` while only the loading UI was on screen and found nothing, so a deep link
 * would otherwise land at the top of the recovered page.
 */
export function useAnchorOnReveal(showingPage: boolean): void {
  const wasShowingPage = useRef(showingPage);
  useLayoutEffect(() => {
    const revealed = showingPage && !wasShowingPage.current;
    wasShowingPage.current = showingPage;
    if (revealed) scrollToAnchor(window.location.hash);
  }, [showingPage]);
}

/** As the Next router does: the element with that id, else the first with that name. */
function scrollToAnchor(hash: string): void {
  const raw = hash.slice(1);
  if (!raw) return;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // a malformed escape: look the raw text up
  }
  const target = document.getElementById(name) ?? document.getElementsByName(name)[0];
  target?.scrollIntoView();
}
