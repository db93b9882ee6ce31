import type { ProviderPreferences } from '@parley/client';
import { useModelEndpoints } from '@parley/react';
import { ProviderPrefs } from '@parley/ui';
import * as React from 'react';

// The result is the request's `provider` object: only the fields the person set.
export function Routing({ modelId }: { modelId: string }) {
  const { data } = useModelEndpoints(modelId);
  const [provider, setProvider] = React.useState<ProviderPreferences>({});
  return <ProviderPrefs.Root value={provider} onValueChange={setProvider} endpoints={data?.endpoints} />;
}
