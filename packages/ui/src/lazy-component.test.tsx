import { act, render, screen } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { LazyRender, lazyComponent } from './lazy-component.tsx';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A load the test settles by hand, as a slow network would. */
function controlledLoad() {
  let settle: { resolve(value: typeof Greeting): void; reject(error: Error): void } | undefined;
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<typeof Greeting>((resolve, reject) => {
      settle = { resolve, reject };
    });
  };
  return { load, settle: () => settle, calls: () => calls };
}

class Boundary extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">Failed: {this.state.error.message}</p> : this.props.children;
  }
}

const placeholder = <p aria-busy="true">Loading the row</p>;

describe('LazyRender', () => {
  it('shows the fallback while the chunk loads, then every waiting place renders the component', async () => {
    const control = controlledLoad();
    const greeting = lazyComponent(control.load);
    render(
      <>
        <LazyRender from={greeting} props={{ name: 'Ada' }} fallback={placeholder} />
        <LazyRender from={greeting} props={{ name: 'Grace' }} fallback={placeholder} />
      </>,
    );
    expect(screen.getAllByText('Loading the row')).toHaveLength(2);
    expect(control.calls()).toBe(1);
    await act(async () => control.settle()?.resolve(Greeting));
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(screen.getByText('Hello Grace')).toBeInTheDocument();
    expect(screen.queryByText('Loading the row')).toBeNull();
  });

  it('renders at once when the component was preloaded', async () => {
    const greeting = lazyComponent(async () => Greeting);
    await greeting.preload();
    render(<LazyRender from={greeting} props={{ name: 'Ada' }} fallback={placeholder} />);
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
  });

  it('hands a failed load to the error boundary, and loads again on the next preload', async () => {
    const control = controlledLoad();
    const greeting = lazyComponent(control.load);
    const view = (
      <Boundary>
        <LazyRender from={greeting} props={{ name: 'Ada' }} fallback={placeholder} />
      </Boundary>
    );
    const first = render(view);
    await act(async () => control.settle()?.reject(new Error('offline')));
    expect(screen.getByRole('alert')).toHaveTextContent('Failed: offline');
    first.unmount();

    const retry = greeting.preload();
    expect(control.calls()).toBe(2);
    render(view);
    expect(screen.getByText('Loading the row')).toBeInTheDocument();
    await act(async () => {
      control.settle()?.resolve(Greeting);
      await retry;
    });
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
  });
});
