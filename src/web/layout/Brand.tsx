import { Link } from 'react-router';
import classes from './layout.module.css';

/** The flame mark and service name, linking home. */
export function Brand({ name }: { name: string }) {
  return (
    <Link to="/" className={classes.brand}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className={classes.brandName}>{name}</span>
    </Link>
  );
}
