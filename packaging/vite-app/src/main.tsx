import { preloadConversation } from '@parley/ui/connected';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// The page opens a saved conversation (App.tsx): its markdown renderer downloads beside the app's code.
void preloadConversation();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
