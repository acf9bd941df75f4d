import { startEmbeddedCore, type EmbeddedCore } from 'ssr-session-flow-embedded-core';
import { ACCESS_TOKEN_LIFETIME_SECONDS } from '../e2eEnv';
import { startServerProcess } from '../support/serverProcess';
import { assertBuilt, buildEnv, nextBin } from './consumerApp';
import { cellDir, originOf, type ConsumerBuild, type ConsumerCell } from './consumerCells';

export interface ConsumerServer {
  origin: string;
  stop(): Promise<void>;
}

/** A consumer build served by `next start` on its own embedded core, with short-lived access tokens. */
export async function startConsumerServer(cell: ConsumerCell, build: ConsumerBuild): Promise<ConsumerServer> {
  assertBuilt(cell, build);
  const core: EmbeddedCore = await startEmbeddedCore({
    port: build.corePort,
    config: { accessTokenValiditySeconds: ACCESS_TOKEN_LIFETIME_SECONDS },
  });
  const origin = originOf(build);
  try {
    const app = await startServerProcess(
      `e2e-consumer-${cell.id}-${build.bundler}`,
      [nextBin(cellDir(cell)), 'start', '-p', String(build.port)],
      { ...buildEnv(build), SUPERTOKENS_CONNECTION_URI: core.url },
      `${origin}/auth`,
      cellDir(cell),
    );
    return {
      origin,
      stop: async () => {
        await app.stop();
        await core.close();
      },
    };
  } catch (error) {
    await core.close();
    throw error;
  }
}
