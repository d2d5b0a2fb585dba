import type { Me } from '../api/types';
import { useSession } from './api';

/** The signed-in person. Only for screens behind the sign-in gate. */
export function useMe(): Me {
  const { data } = useSession();
  if (data?.status !== 'signed-in') throw new Error('useMe() used outside the signed-in area');
  return data.me;
}
