/** React 19 hoists a `<style href precedence>` into the head once, however many screens render it. */
export const LOADING_SCREEN_STYLE_ID = 'ssr-session-flow-loading-screen';

/**
 * The default loading screen's look. Class names carry a prefix so they never meet the app's; the
 * custom properties let an app recolour it (`--ssf-accent: …` on any ancestor) without a fork.
 * Contrast: text and buttons meet WCAG AA on both schemes. The screen takes the page's place in
 * the flow, centred in at least half the viewport's height, so whatever the app renders around
 * the boundary (its header, its navigation) stays usable. Written compactly, one rule a line:
 * every page carries it.
 */
export const LOADING_SCREEN_CSS = [
  '.ssf-screen{--ssf-fg:#1f2328;--ssf-bg:#ffffff;--ssf-card:#f6f8fa;--ssf-border:#d1d9e0;--ssf-accent:#0969da;--ssf-accent-fg:#ffffff;--ssf-focus:#0550ae;box-sizing:border-box;min-height:50vh;display:grid;place-items:center;padding:24px;background:var(--ssf-bg);color:var(--ssf-fg);font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,sans-serif}',
  '@media (prefers-color-scheme:dark){.ssf-screen{--ssf-fg:#e6edf3;--ssf-bg:#0d1117;--ssf-card:#151b23;--ssf-border:#3d444d;--ssf-accent:#4493f8;--ssf-accent-fg:#0d1117;--ssf-focus:#79c0ff}}',
  '.ssf-card{display:flex;flex-direction:column;align-items:center;gap:16px;max-width:28rem;padding:28px 32px;border:1px solid var(--ssf-border);border-radius:12px;background:var(--ssf-card);text-align:center}',
  '.ssf-message{margin:0;line-height:1.5}',
  '.ssf-actions{display:flex;flex-wrap:wrap;justify-content:center;gap:8px}',
  '.ssf-button{font:inherit;padding:8px 16px;border-radius:6px;border:1px solid var(--ssf-border);background:var(--ssf-bg);color:var(--ssf-fg);cursor:pointer;text-decoration:none}',
  '.ssf-button-primary{border-color:var(--ssf-accent);background:var(--ssf-accent);color:var(--ssf-accent-fg)}',
  '.ssf-button:focus-visible{outline:3px solid var(--ssf-focus);outline-offset:2px}',
  '.ssf-spinner{box-sizing:border-box;width:40px;height:40px;border:4px solid var(--ssf-border);border-top-color:var(--ssf-accent);border-radius:50%;animation:ssf-spin 0.9s linear infinite}',
  '@keyframes ssf-spin{to{transform:rotate(360deg)}}',
  '@media (prefers-reduced-motion:reduce){.ssf-spinner{animation:none}}',
].join('');
