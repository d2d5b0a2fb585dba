import { Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from '../layout/layout.module.css';

/** One section of a note to read, its heading over its text kept as written (line breaks too): the signed note and its saved versions. */
export function ReadSection({ heading, body, order, size }: { heading: ReactNode; body: string; order: TitleOrder; size: 'h5' | 'h6' }) {
  return (
    <div>
      <Title order={order} size={size}>
        {heading}
      </Title>
      <Text size="sm" className={classes.prewrap}>
        {body}
      </Text>
    </div>
  );
}
