import { ModelPicker } from '@parley/ui';
import { Chat } from '@parley/ui/connected';
import type { ReactNode } from 'react';

/**
 * The model picker with the fallback chain inside its popover, so the header stays one row: the
 * trigger names the choice, the popover holds search, filters, routing, the list and the order.
 */
export default function ModelMenu({
  defaultOpen,
  label,
  children,
}: {
  defaultOpen: boolean;
  /** The trigger's name, the same as the button it replaces. */
  label: string;
  children: ReactNode;
}) {
  return (
    <Chat.ModelPicker mode="chain" defaultOpen={defaultOpen} className="app-model">
      <ModelPicker.Trigger className="app-model-trigger" aria-label={label}>
        {children}
      </ModelPicker.Trigger>
      <ModelPicker.Content>
        <ModelPicker.Search />
        <ModelPicker.Filters />
        <ModelPicker.Variant />
        <ModelPicker.List />
        <ModelPicker.Chain />
      </ModelPicker.Content>
    </Chat.ModelPicker>
  );
}
