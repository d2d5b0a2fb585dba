/** The billing export's columns today, as its header row names them (the tests pin them here, apart from billing-columns.ts). */
export const BILLING_COLUMNS = [
  'Date of service',
  'Start time',
  'End time',
  'Time zone',
  'Duration minutes',
  'Group',
  'Member name',
  'Member id',
  'Attendance',
  'Billing code',
  'Rendering facilitator',
];
