import { createTheme, darken, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm deep teal. Shade 8 (buttons, links) has 7:1 contrast on white; see the note on contrast below.
const hearth: MantineColorsTuple = ['#eaf5f3', '#d3ebe7', '#a6d6ce', '#75c0b4', '#4eab9e', '#35978a', '#268579', '#1d7368', '#176358', '#0f4f46'];

/** Hearth's Mantine theme: system fonts only (nothing loaded from other origins), AA contrast. */
export const theme = createTheme({
  primaryColor: 'hearth',
  // Mantine's default shade 6 gives white text about 3.5:1; shade 8 is needed for WCAG AA.
  primaryShade: { light: 8, dark: 8 },
  colors: { hearth },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  components: {
    // Mantine's close button has no accessible name of its own. A plain object (what Modal.extend
    // returns): importing Modal here would put it, and what it builds on, on the sign-in page.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

const tintedColors = ['hearth', 'red', 'green', 'orange', 'yellow', 'blue', 'gray', 'grape', 'teal', 'cyan', 'violet'];

/**
 * Mantine's "light" variants put shade 9 on shade 1, which falls under 4.5:1 for green, orange and
 * yellow; "dimmed" text is gray 6 (3.3:1). Darken both so every badge and hint passes AA.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors are red 6 by default (3.3:1 on white).
    '--mantine-color-error': darken(t.colors.red[9], 0.1),
    // Filled red (danger buttons) at primaryShade 8 is 4.5:1 with white text, exactly the limit:
    // axe measured 4.45 while a dialog faded in. Shade 9 has margin (5.4:1).
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': darken(t.colors.red[9], 0.1),
    ...Object.fromEntries(tintedColors.map((name) => [`--mantine-color-${name}-light-color`, darken(t.colors[name]![9], 0.3)])),
  },
  dark: {},
});
