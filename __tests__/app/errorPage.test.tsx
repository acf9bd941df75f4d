import { render, screen } from '@testing-library/react';
import type { NextPageContext } from 'next';
import ErrorPage from '../../pages/_error';

const context = (parts: Partial<Pick<NextPageContext, 'res' | 'err'>>) => ({ pathname: '/_error', query: {}, AppTree: () => null, ...parts }) as NextPageContext;

describe("the pages router's error page", () => {
  it("takes the response's status on the server, the error's in the browser, and 404 when it has neither", () => {
    expect(ErrorPage.getInitialProps(context({ res: { statusCode: 500 } as NextPageContext['res'] }))).toEqual({ statusCode: 500 });
    expect(ErrorPage.getInitialProps(context({ err: Object.assign(new Error('boom'), { statusCode: 503 }) }))).toEqual({ statusCode: 503 });
    expect(ErrorPage.getInitialProps(context({}))).toEqual({ statusCode: 404 });
  });

  it('says what happened in the demo layout', () => {
    const { unmount } = render(<ErrorPage statusCode={500} />);
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByText('Error 500.')).toBeTruthy();
    unmount();
    render(<ErrorPage statusCode={404} />);
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});
