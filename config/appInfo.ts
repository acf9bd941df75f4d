import { readPublicEnv } from './env';

const env = readPublicEnv();

export const appInfo = {
  appName: env.appName,
  apiDomain: env.apiDomain,
  websiteDomain: env.websiteDomain,
  apiBasePath: env.apiBasePath,
  websiteBasePath: env.websiteBasePath,
};
