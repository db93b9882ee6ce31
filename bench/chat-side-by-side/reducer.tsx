// A hand-written list: useReducer over { ids, byId }, memoised rows, tokens dispatched as they come.
import { Markdown } from '@parley/ui';
import { type Dispatch, memo, useReducer } from 'react';
import { createRoot } from 'react-dom/client';
import { countRender, type Implementation, priorText, pump } from './feed.ts';

interface Message {
  id: string;
  text: string;
  streaming: boolean;
}
interface State {
  ids: string[];
  byId: Record<string, Message>;
}
type Action =
  | { type: 'add'; message: Message }
  | { type: 'delta'; id: string; text: string }
  | { type: 'end'; id: string };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'add':
      return {
        ids: [...state.ids, action.message.id],
        byId: { ...state.byId, [action.message.id]: action.message },
      };
    case 'delta': {
      const message = state.byId[action.id] as Message;
      return {
        ...state,
        byId: { ...state.byId, [action.id]: { ...message, text: message.text + action.text } },
      };
    }
    case 'end': {
      const message = state.byId[action.id] as Message;
      return { ...state, byId: { ...state.byId, [action.id]: { ...message, streaming: false } } };
    }
  }
}

const Row = memo(function Row({ message }: { message: Message }) {
  countRender(message.text);
  return (
    <article>
      <Markdown.Root streaming={message.streaming}>{message.text}</Markdown.Root>
    </article>
  );
});

let dispatch: Dispatch<Action> | undefined;

function Messages({ initial }: { initial: State }) {
  const [state, send] = useReducer(reduce, initial);
  dispatch = send;
  return state.ids.map((id) => <Row key={id} message={state.byId[id] as Message} />);
}

export const implementation: Implementation = {
  mount(container, prior) {
    const messages = Array.from({ length: prior }, (_, index) => ({
      id: `p${index}`,
      text: priorText(index),
      streaming: false,
    }));
    const initial = {
      ids: messages.map((message) => message.id),
      byId: Object.fromEntries(messages.map((m) => [m.id, m])),
    };
    const root = createRoot(container);
    root.render(<Messages initial={initial} />);
    return {
      unmount: () => root.unmount(),
      send: () => {
        dispatch?.({
          type: 'add',
          message: { id: 'question', text: 'Give me the long answer.', streaming: false },
        });
        dispatch?.({ type: 'add', message: { id: 'reply', text: '', streaming: true } });
        void pump((text) => dispatch?.({ type: 'delta', id: 'reply', text })).then(() =>
          dispatch?.({ type: 'end', id: 'reply' }),
        );
      },
    };
  },
};
