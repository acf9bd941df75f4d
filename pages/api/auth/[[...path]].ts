import type { NextApiRequest, NextApiResponse } from 'next';
import { middleware } from 'supertokens-node/framework/express';
import { superTokensNextWrapper } from 'supertokens-node/nextjs';
import { ensureSuperTokensInit } from '../../../config/backendConfig';

ensureSuperTokensInit();

export default async function superTokensApi(req: NextApiRequest, res: NextApiResponse) {
  await superTokensNextWrapper(
    async (next) => {
      // Auth responses carry tokens: no cache may keep them.
      res.setHeader('Cache-Control', 'no-cache, no-store, max-age=0, must-revalidate');
      await middleware()(req, res, next);
    },
    req,
    res,
  );
  if (!res.writableEnded) res.status(404).send('Not found');
}
