import type { Model } from '@parley/client';
import type { ChatRequestParams } from '@parley/client/chat';
import { ParametersPanel } from '@parley/ui';
import * as React from 'react';

export function Parameters({ model }: { model: Model }) {
  const [params, setParams] = React.useState<ChatRequestParams>({ temperature: 0.7 });
  return (
    <ParametersPanel.Root
      value={params}
      onValueChange={setParams}
      supportedParameters={model.supported_parameters}
      modelName={model.name}
    />
  );
}
