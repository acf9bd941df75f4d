import type { GetServerSideProps } from 'next';
import Router from 'next/router';
import { useEffect, type MouseEvent } from 'react';
import { SESSION_CACHE_CONTROL } from 'ssr-session-flow/pages-router/server';
import { START_READY_SIGNAL } from '../../components/benchStartSignal';

/**
 * For `npm run bench` only (404 unless ENABLE_BENCH_PAGES=1): a page without a session check where
 * the pages router's client navigations start, to our protected page or to the docs recipe.
 *
 * Its links do what `next/link` does in production (prefetch the target's code, then push on a
 * click) with the router Next's runtime loads anyway: `next/link` itself, shared with `_app`'s
 * header, would make Turbopack split `_app`'s chunks differently and add 0.7 kB to every page's
 * first load (measured).
 */
const LINKS = [
  { href: '/bench/protected', label: 'Protected (ssr-session-flow)' },
  { href: '/bench/docs-recipe', label: 'Protected (SuperTokens docs recipe)' },
];

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  if (process.env.ENABLE_BENCH_PAGES !== '1') return { notFound: true };
  ctx.res.setHeader('Cache-Control', SESSION_CACHE_CONTROL);
  return { props: {} };
};

export default function BenchStart() {
  useEffect(() => {
    void Promise.all(LINKS.map(({ href }) => Router.prefetch(href))).then(() => console.info(START_READY_SIGNAL));
  }, []);
  const push = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void Router.push(event.currentTarget.getAttribute('href') ?? '/');
  };
  return (
    <main>
      <p>Bench start page: no session check.</p>
      <ul>
        {LINKS.map(({ href, label }) => (
          <li key={href}>
            <a href={href} onClick={push}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
