/**
 * Mantine's styles for what a signed-out visitor can see (sign-in, the invitation and forgotten-
 * password pages, the second sign-in step, loaders and errors): the global styles, then each
 * component's own sheet, in the order Mantine's complete styles.css has them (a component's
 * dependencies first: Button after UnstyledButton and Loader, PasswordInput after Input and
 * ActionIcon). Imported from node_modules, they land in the `mantine` chunk's style sheet, which
 * index.html links before Hearth's own CSS, as the whole styles.css was.
 *
 * Everything else a signed-in page uses is in mantine-app.css (see appStyles.ts).
 * `mantine-styles.test.ts` checks both lists against the components each part of the app imports.
 */
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Title.css';
