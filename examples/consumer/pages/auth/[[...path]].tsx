import dynamic from 'next/dynamic';
import { EmailPasswordPreBuiltUI } from 'supertokens-auth-react/recipe/emailpassword/prebuiltui';
import { getRoutingComponent } from 'supertokens-auth-react/ui';

// The prebuilt UI reads window.location: the browser renders it.
export default dynamic(async () => () => getRoutingComponent([EmailPasswordPreBuiltUI]), { ssr: false });
