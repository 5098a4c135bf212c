/** Paths whose body is a file (CSV or XML), handed to the route as a string. */
export const RECONCILIATION_FILE_PATHS =
  /^\/v1\/finance\/reconciliation\/imports\/(stripe-csv|bank-csv|camt053|momo-csv|vnpay-csv|payos-csv)$/;
