import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './layout.module.css';

/** A description list of facts ("Schedule: every Tuesday…"). */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className={classes.facts}>{children}</dl>;
}

/** One label and its value inside <Facts>. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} className={classes.wrap}>
        {children}
      </Text>
    </div>
  );
}
