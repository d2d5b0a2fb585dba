import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Component, useEffect, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** `page`: one routed page inside the app's frame (its navigation stays usable); `app`: the whole screen. */
  scope: 'page' | 'app';
  /** A new value clears the error: the page's path, so that going to another page starts afresh. */
  resetKey?: string;
  children: ReactNode;
}

interface State {
  error: unknown;
  resetKey: string | undefined;
}

/**
 * Catches an error thrown while rendering (a page's bug, an answer of an unexpected shape, a page
 * chunk that failed to load) and shows a calm page with a reload button and a way home instead of
 * a blank screen; the error goes to the console. One around the whole app (main.tsx) and one around
 * every signed-in page (AppLayout, reset by the path). React offers error boundaries only as a class
 * with these two methods, so it is written here rather than taken from a library.
 */
export class ErrorBoundary extends Component<Props, State> {
  constructor(props: Props) {
    super(props);
    this.state = { error: null, resetKey: props.resetKey };
  }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('Unknown render error') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Hearth: ${this.props.scope === 'app' ? 'the app' : 'this page'} failed to render.`, error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <SomethingWentWrong scope={this.props.scope} /> : this.props.children;
  }
}

/** What a person sees instead of a broken page: what happened in plain words, and two ways on. */
function SomethingWentWrong({ scope }: { scope: Props['scope'] }) {
  useEffect(() => {
    document.title = 'Something went wrong · Hearth';
  }, []);
  const content = (
    <Stack gap="md" py="xl" maw={560} role="alert" aria-labelledby="render-error-heading" data-testid="render-error">
      <Title order={1} id="render-error-heading">
        Something went wrong on this page
      </Title>
      <Text>This page could not be shown because of a fault in Hearth, not anything you did. Reloading usually puts it right.</Text>
      <Text>If it happens again, go to your home page and let your service know which page it was.</Text>
      {/* Said without the service's numbers: the fault may be in loading them. */}
      <Text fw={600}>If you need help right now, call your crisis line or your local emergency number.</Text>
      <Group gap="sm">
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        {/* A full load, not a router link: it starts the app again from a known state. */}
        <Button component="a" href="/" variant="default">
          Go to your home page
        </Button>
      </Group>
    </Stack>
  );
  // Inside the app's frame the page area is already <main>; alone, the fallback is the page.
  return scope === 'page' ? (
    content
  ) : (
    <Container component="main" id="main-content" size={600} px="md">
      {content}
    </Container>
  );
}
