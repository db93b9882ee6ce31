import { baseModelId, useModels, usePreferences, usePreferencesStore } from '@parley/react';
import { useEffect, useState } from 'react';
import { ChevronDownIcon } from './icons.tsx';
import { onDemand, useOnDemand } from './on-demand.ts';

// The picker (search, filters, list, fallback chain, popover) is fetched when the person reaches
// for it: hovering, focusing or pressing the button. Until then a plain button names the choice.
const picker = onDemand(() => import('./model-menu.tsx'));
const loadPicker = () => void picker.load();

/** The chosen model's name and its fallbacks, as the header shows them. */
function useChoice() {
  const chain = usePreferences((state) => state.chain);
  const { data: models } = useModels();
  const [first, ...fallbacks] = chain;
  const name =
    first === undefined
      ? 'Choose a model'
      : (models?.find((model) => model.id === baseModelId(first))?.name ?? first);
  // The name holds what the button shows ("+2"), so speech input can say what the eye reads.
  const more = fallbacks.length ? ` +${fallbacks.length} fallback${fallbacks.length === 1 ? '' : 's'}` : '';
  return { name, fallbacks: fallbacks.length, label: `Model: ${name}${more}` };
}

/**
 * The preferences' `selectedModel` follows the chain's first model, so the composer offers the
 * files it takes in and the context meter knows its window before the picker was ever opened.
 */
function useSelectedModelSync() {
  const preferences = usePreferencesStore();
  const first = usePreferences((state) => state.chain[0]);
  const { data: models } = useModels();
  useEffect(() => {
    const found = first === undefined ? undefined : models?.find((model) => model.id === baseModelId(first));
    if (found && preferences.getState().selectedModel?.id !== found.id) {
      preferences.getState().setSelectedModel(found);
    }
  }, [first, models, preferences]);
}

/** What the trigger shows: the model's name, a count of fallbacks, a chevron. */
export function ChoiceFace({ name, fallbacks }: { name: string; fallbacks: number }) {
  return (
    <>
      <span className="app-model-name">{name}</span>
      {fallbacks > 0 && <span className="app-model-count">+{fallbacks}</span>}
      <ChevronDownIcon />
    </>
  );
}

/** The header's model picker, loaded on first use. */
export function ModelButton() {
  useSelectedModelSync();
  const choice = useChoice();
  const [wanted, setWanted] = useState(false);
  const ModelMenu = useOnDemand(picker, wanted);
  const face = <ChoiceFace name={choice.name} fallbacks={choice.fallbacks} />;
  const placeholder = (
    <button
      type="button"
      className="app-model-trigger"
      aria-label={choice.label}
      aria-haspopup="dialog"
      onPointerEnter={loadPicker}
      onFocus={loadPicker}
      onClick={() => setWanted(true)}
    >
      {face}
    </button>
  );
  if (!wanted || !ModelMenu) return <div className="app-model">{placeholder}</div>;
  return (
    <ModelMenu defaultOpen label={choice.label}>
      {face}
    </ModelMenu>
  );
}
