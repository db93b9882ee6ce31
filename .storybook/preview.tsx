/// <reference types="vite/client" />
import themeCss from '@parley/ui/styles.css?inline';
import type { Decorator, Preview } from '@storybook/react-vite';

type Theme = 'default' | 'unstyled';
type Scheme = 'light' | 'dark';

// Every story renders with the default theme or with none (the toolbar switches), so the parts stay
// honest unstyled; the sheet is injected as a <style> element so switching needs no reload.
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? 'default') as Theme;
  const scheme = (context.globals.scheme ?? 'light') as Scheme;
  // Portalled parts (the image dialog) render outside the story's wrapper.
  document.documentElement.setAttribute('data-parley-theme', scheme);
  const styled = theme === 'default';
  // A chat fills the whole frame, as in an app; a part sits in a padded page.
  const frame = context.parameters.parleyFill ? { height: '100dvh' } : { padding: 16, minHeight: '100dvh' };
  return (
    <>
      {styled ? <style>{themeCss}</style> : null}
      <div
        data-parley-theme={scheme}
        style={{
          boxSizing: 'border-box',
          ...frame,
          ...(styled
            ? {
                background: 'var(--parley-surface)',
                color: 'var(--parley-on-surface)',
                fontFamily: 'var(--parley-font)',
              }
            : {}),
        }}
      >
        <Story />
      </div>
    </>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  // A docs page per component, generated from its props, under the usage snippet in its meta.
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Parley default theme or unstyled parts',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default theme' },
          { value: 'unstyled', title: 'Unstyled' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Light or dark tokens',
      toolbar: {
        title: 'Scheme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'default', scheme: 'light' },
  parameters: {
    layout: 'fullscreen',
    // Story tests fail on any axe violation, not just report it.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/ } },
  },
};

export default preview;
