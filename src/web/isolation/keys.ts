/** Query keys of the isolation early warning: the flags of one group or of every group I facilitate (`path` is the request). */
export const isolationKeys = {
  all: ['isolation-flags'] as const,
  flags: (path: string) => ['isolation-flags', path] as const,
};
