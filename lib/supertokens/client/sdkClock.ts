import { DateProviderReference } from 'supertokens-website/utils/dateProvider';

/** The SDK's own clock: it corrects for the skew between this browser and the backend. */
export const sdkNow = (): number => DateProviderReference.getReferenceOrThrow().dateProvider.now();
