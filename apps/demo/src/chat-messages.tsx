import { Chat } from '@parley/ui/connected';

/** The conversation's messages, in a module of their own so the first screen can go without them. */
export default function ChatMessages() {
  return <Chat.Messages />;
}
