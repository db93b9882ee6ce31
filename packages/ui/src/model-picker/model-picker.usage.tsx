import { useModels } from '@parley/react';
import { ModelPicker } from '@parley/ui';
import * as React from 'react';

// Inside a ParleyProvider. In `chain` mode the first model is the one asked, the rest its fallbacks.
export function PickModel() {
  const { data = [], isPending, isError, error, refetch } = useModels();
  const [chain, setChain] = React.useState<string[]>(['openai/gpt-4o']);
  return (
    <ModelPicker.Root
      models={data}
      status={isPending ? 'loading' : isError ? 'error' : 'ready'}
      error={error?.message}
      onRetry={() => void refetch()}
      value={chain}
      onValueChange={setChain}
      mode="chain"
    />
  );
}
