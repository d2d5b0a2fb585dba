import { Card, Group, Stack, Table, Text, VisuallyHidden, type MantineBreakpoint, type MantineSpacing, type TableTdProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import classes from './layout.module.css';

/**
 * Where a column's value goes on a phone card:
 * - `title`: the card's first line, bold (several titles stack);
 * - `aside`: top right, beside the title (a status badge);
 * - `field` (the default): a line "Header: value";
 * - `detail`: a line with the value alone (when the value already says what it is);
 * - `actions`: the buttons at the foot of the card;
 * - `none`: only in the table.
 */
export type CardSlot = 'title' | 'aside' | 'field' | 'detail' | 'actions' | 'none';

/** One column: its header, its cell, and where it goes on a phone card. */
export interface Column<T> {
  /** Stable and unique among the columns. */
  key: string;
  /** The column header, and the label of the value on a card (`field`). */
  header: string;
  /** The header is read by screen readers only (an actions column). */
  hideHeader?: boolean;
  cell: (row: T) => ReactNode;
  /** The value on a card when it should read differently there (a shorter form, a sentence). */
  cardCell?: (row: T) => ReactNode;
  card?: CardSlot;
  /** Props of the table cell (`ta="right"`, `fw={600}`, a class). */
  td?: TableTdProps;
  /** The column's width in the table ("20%"), set on its header: what a `layout="fixed"` table goes by. */
  width?: string | number;
}

interface Props<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Names the table and the list for screen readers ("People", "Sessions"). */
  label: string;
  /** The table from this width up, the cards below it. */
  breakpoint?: MantineBreakpoint;
  /** The table scrolls sideways below this width (0: it never needs to). */
  minWidth?: number;
  striped?: boolean;
  withTableBorder?: boolean;
  highlightOnHover?: boolean;
  /** A caption above the table, and above the phone cards: the visible heading and accessible name of both forms when given. */
  caption?: ReactNode;
  /** `fixed`: the columns keep their `width` whatever the cells hold (long codes and IDs wrap instead). */
  layout?: 'auto' | 'fixed';
  verticalSpacing?: MantineSpacing;
  /** Cells start at the top of their row (rows whose cells differ much in height). */
  alignTop?: boolean;
}

/**
 * One list written once: a table on wide screens and a stack of cards on phones (WCAG 1.4.10:
 * nothing scrolls sideways at 320 px), both from the same column definitions. The table has
 * column headers with `scope="col"`; the cards are a labelled `<ul>` whose values carry their
 * header as a label, so neither form loses what a value means.
 */
export function ResponsiveTable<T>(props: Props<T>) {
  const {
    rows,
    columns,
    rowKey,
    label,
    breakpoint = 'md',
    minWidth = 0,
    striped = true,
    highlightOnHover,
    withTableBorder,
    caption,
    layout,
    verticalSpacing = 'sm',
    alignTop,
  } = props;
  const captionId = useId();
  const slot = (c: Column<T>): CardSlot => c.card ?? 'field';
  const onCard = (c: Column<T>, row: T) => (c.cardCell ?? c.cell)(row);
  const titles = columns.filter((c) => slot(c) === 'title');
  const asides = columns.filter((c) => slot(c) === 'aside');
  const lines = columns.filter((c) => slot(c) === 'field' || slot(c) === 'detail');
  const actions = columns.filter((c) => slot(c) === 'actions');

  return (
    <>
      <Table.ScrollContainer minWidth={minWidth} visibleFrom={breakpoint}>
        <Table
          striped={striped}
          withTableBorder={withTableBorder}
          highlightOnHover={highlightOnHover}
          verticalSpacing={verticalSpacing}
          layout={layout}
          captionSide="top"
          bg="white"
          aria-label={caption ? undefined : label}
        >
          {caption ? <Table.Caption>{caption}</Table.Caption> : null}
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" w={c.width}>
                  {c.hideHeader ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)} style={alignTop ? { verticalAlign: 'top' } : undefined}>
                {columns.map((c) => (
                  <Table.Td key={c.key} {...c.td}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {caption ? (
        <Text id={captionId} hiddenFrom={breakpoint} size="sm" c="dimmed" mb="xs">
          {caption}
        </Text>
      ) : null}
      <Stack
        gap="sm"
        hiddenFrom={breakpoint}
        component="ul"
        className={classes.plainList}
        aria-labelledby={caption ? captionId : undefined}
        aria-label={caption ? undefined : label}
      >
        {rows.map((row) => (
          <Card key={rowKey(row)} component="li" withBorder padding="sm">
            {titles.length + asides.length > 0 ? (
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  {titles.map((c, i) => (
                    <Text key={c.key} component="div" fw={i === 0 ? 600 : undefined} size={i === 0 ? undefined : 'sm'} className={classes.wrap}>
                      {onCard(c, row)}
                    </Text>
                  ))}
                </div>
                {asides.length > 0 ? (
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    {asides.map((c) => (
                      <span key={c.key}>{onCard(c, row)}</span>
                    ))}
                  </Group>
                ) : null}
              </Group>
            ) : null}
            {lines.map((c) => (
              <Text key={c.key} component="div" size="sm" mt={4} className={classes.wrap}>
                {slot(c) === 'field' ? (
                  <>
                    <Text span size="sm" c="dimmed">
                      {c.header}:
                    </Text>{' '}
                    {onCard(c, row)}
                  </>
                ) : (
                  onCard(c, row)
                )}
              </Text>
            ))}
            {actions.map((c) => (
              <Group key={c.key} mt="xs">
                {onCard(c, row)}
              </Group>
            ))}
          </Card>
        ))}
      </Stack>
    </>
  );
}
