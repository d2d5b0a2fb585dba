import classes from './layout.module.css';

/** The first focusable element on every page: jumps past the header and navigation. */
export function SkipLink() {
  return (
    <a className={classes.skipLink} href="#main-content">
      Skip to content
    </a>
  );
}
