const origin = process.env.NEXT_PUBLIC_ORIGIN ?? 'http://localhost:3000';

export const appInfo = { appName: 'consumer', apiDomain: origin, websiteDomain: origin, apiBasePath: '/api/auth', websiteBasePath: '/auth' };
