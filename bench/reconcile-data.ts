import { Client } from 'pg';

/**
 * A year of an agency's Stripe activity as imported, and the books that match it, generated in
 * SQL (generate_series): `transactions` balance transactions (charges in VND and USD, refunds,
 * disputes, a payout a day), one ledger key and journal entry (two postings) per Stripe movement,
 * the payouts and the bank lines that received them. One in a hundred transactions carries a
 * discrepancy, the kinds in turn: no entry, an entry Stripe does not have, another amount,
 * another currency, a second entry for the same charge. One payout in twenty has one too: not
 * at the bank, another amount at the bank, a second bank line, a Stripe credit with no payout.
 * Every discrepancy made is written to `bench_injected (kind, subject_key)`, as reconciliation
 * should report it.
 */
export async function generateReconciliationData(db: Client, tenantId: string, transactions: number): Promise<void> {
  const [importId] = (await db.query<{ id: string }>(`SELECT gen_random_uuid()::text AS id`)).rows.map((r) => r.id);
  const accounts = Object.fromEntries(
    (
      await db.query<{ code: string; id: string }>(`SELECT code, id FROM finance.accounts WHERE tenant_id = $1`, [
        tenantId,
      ])
    ).rows.map((r) => [r.code, r.id]),
  );
  // Straight to the tables, as a bulk load: the ledger's triggers and foreign keys are not run for it.
  await db.query(`SET session_replication_role = replica`);
  await db.query(
    `INSERT INTO finance.stripe_balance_transactions
       (tenant_id, import_id, id, created_at, available_on, currency, amount, fee, net, reporting_category, type, source_id, description, payout_id)
     SELECT $1, $2::uuid, 'txn_' || i, t.created, t.created + interval '2 days', m.currency, m.amount, m.fee, m.amount - m.fee, m.category, m.category,
            m.prefix || i, NULL, NULL
     FROM generate_series(1, $3::int) AS i
     CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01 00:00:00+00' + i * interval '30 seconds' AS created,
                                CASE WHEN i % 5 = 0 THEN 'USD' ELSE 'VND' END AS currency) AS t
     CROSS JOIN LATERAL (SELECT CASE WHEN i % 2740 = 1 THEN 'payout' WHEN i % 50 = 7 THEN 'refund' WHEN i % 200 = 13 THEN 'dispute' ELSE 'charge' END AS category) AS c
     CROSS JOIN LATERAL (SELECT
         c.category,
         CASE c.category WHEN 'payout' THEN 'po_' WHEN 'refund' THEN 're_' WHEN 'dispute' THEN 'du_' ELSE 'ch_' END AS prefix,
         CASE WHEN c.category = 'payout' THEN 'VND' ELSE t.currency END AS currency,
         CASE c.category
           WHEN 'payout' THEN -(5000000 + i)::bigint
           WHEN 'charge' THEN (CASE WHEN t.currency = 'VND' THEN 49000 + (i % 97) * 1000 ELSE 199 + (i % 50) * 100 END)::bigint
           ELSE -(CASE WHEN t.currency = 'VND' THEN 49000 + (i % 97) * 1000 ELSE 199 + (i % 50) * 100 END)::bigint END AS amount,
         CASE WHEN c.category = 'charge' THEN (CASE WHEN t.currency = 'VND' THEN (49000 + (i % 97) * 1000) * 34 / 1000 + 2000 ELSE (199 + (i % 50) * 100) * 34 / 1000 + 30 END)::bigint
              WHEN c.category = 'dispute' AND t.currency = 'USD' THEN 1500::bigint
              ELSE 0::bigint END AS fee
       ) AS m`,
    [tenantId, importId, transactions],
  );
  // Discrepancy class of a charge: i % 100 = 50 (never a payout, refund or dispute), kinds in turn by i / 100.
  const klass = `(CASE WHEN n % 100 = 50 THEN (n / 100) % 5 END)`;
  await db.query(
    `INSERT INTO finance.stripe_ledger_keys (tenant_id, stripe_source_id, reporting_category, rank, source_key, occurred_at, entry_id, currency, amount)
     SELECT $1, t.source_id, t.reporting_category, 1, k.source_key, t.created_at, md5('entry' || n)::uuid,
            CASE WHEN ${klass} = 3 THEN (CASE WHEN t.currency = 'VND' THEN 'USD' ELSE 'VND' END) ELSE t.currency END,
            CASE WHEN ${klass} = 2 THEN t.net + 1 ELSE t.net END
     FROM finance.stripe_balance_transactions t
     CROSS JOIN LATERAL (SELECT substr(t.id, 5)::int AS n) AS i
     CROSS JOIN LATERAL (SELECT CASE t.reporting_category WHEN 'charge' THEN 'invoice-paid:in_' WHEN 'refund' THEN 'refund:'
                                  WHEN 'dispute' THEN 'dispute-opened:' ELSE 'stripe-payout:' END
                                || CASE WHEN t.reporting_category = 'charge' THEN n::text ELSE t.source_id END AS source_key) AS k
     WHERE t.tenant_id = $1 AND ${klass} IS DISTINCT FROM 0
     UNION ALL
     SELECT $1, 'ch_' || ($2 + n), 'charge', 1, 'invoice-paid:in_' || ($2 + n), t.created_at, md5('entry' || ($2 + n))::uuid, t.currency, t.net
     FROM finance.stripe_balance_transactions t CROSS JOIN LATERAL (SELECT substr(t.id, 5)::int AS n) AS i
     WHERE t.tenant_id = $1 AND ${klass} = 1
     UNION ALL
     SELECT $1, t.source_id, 'charge', 2, 'invoice-paid:in_dup_' || n, t.created_at, md5('duplicate' || n)::uuid, t.currency, t.net
     FROM finance.stripe_balance_transactions t CROSS JOIN LATERAL (SELECT substr(t.id, 5)::int AS n) AS i
     WHERE t.tenant_id = $1 AND ${klass} = 4`,
    [tenantId, transactions],
  );
  await db.query(
    `INSERT INTO finance.journal_entries (id, tenant_id, source_key, posted_on, description, created_at)
     SELECT entry_id, tenant_id, source_key, occurred_at::date, 'bench: ' || reporting_category || ' ' || stripe_source_id, occurred_at
     FROM finance.stripe_ledger_keys WHERE tenant_id = $1`,
    [tenantId],
  );
  await db.query(
    `INSERT INTO finance.postings (tenant_id, entry_id, account_id, currency, amount)
     SELECT tenant_id, entry_id, p.account_id, currency, p.amount
     FROM finance.stripe_ledger_keys k
     CROSS JOIN LATERAL (VALUES ($2::uuid, k.amount), (CASE WHEN k.reporting_category = 'payout' THEN $3::uuid ELSE $4::uuid END, -k.amount)) AS p(account_id, amount)
     WHERE k.tenant_id = $1 AND k.amount <> 0`,
    [tenantId, accounts['1100'], accounts['1200'], accounts['2100']],
  );
  // The payouts, and the bank lines that received them: most name the payout, every third only matches by amount and day.
  await db.query(
    `INSERT INTO finance.stripe_payouts (tenant_id, import_id, id, created_at, arrival_date, currency, amount, status, statement_descriptor, balance_transaction_id)
     SELECT $1, $2::uuid, source_id, created_at, (created_at + interval '2 days')::date, currency, -net, 'paid', NULL, id
     FROM finance.stripe_balance_transactions WHERE tenant_id = $1 AND reporting_category = 'payout'`,
    [tenantId, importId],
  );
  const payoutClass = `(CASE WHEN q % 20 = 10 THEN (q / 20) % 4 END)`;
  await db.query(
    `WITH payouts AS (
       SELECT p.*, (substr(p.id, 4)::int - 1) / 2740 AS q FROM finance.stripe_payouts p WHERE p.tenant_id = $1
     )
     INSERT INTO finance.bank_statement_lines (tenant_id, import_id, reference, booked_on, amount, currency, counterparty, remittance, payout_reference)
     SELECT $1, $2::uuid, 'BNK-' || q, arrival_date + (q % 2), CASE WHEN ${payoutClass} = 1 THEN amount - 1000 ELSE amount END, currency, 'STRIPE PAYMENTS',
            CASE WHEN q % 3 = 0 AND ${payoutClass} IS NULL THEN NULL ELSE 'STRIPE PAYOUT ' || id END,
            CASE WHEN q % 3 = 0 AND ${payoutClass} IS NULL THEN NULL ELSE id END
     FROM payouts WHERE ${payoutClass} IS DISTINCT FROM 0
     UNION ALL
     SELECT $1, $2::uuid, 'BNK-DUP-' || q, arrival_date + 1, amount, currency, 'STRIPE PAYMENTS', 'STRIPE PAYOUT ' || id, id FROM payouts WHERE ${payoutClass} = 2
     UNION ALL
     SELECT $1, $2::uuid, 'BNK-ORPHAN-' || q, arrival_date, 123000, currency, 'STRIPE PAYMENTS', 'STRIPE TRANSFER', NULL FROM payouts WHERE ${payoutClass} = 3
     UNION ALL
     SELECT $1, $2::uuid, 'BNK-FEES', max(arrival_date) + 10, -22000, 'VND', 'Vietcombank', 'Phí quản lý tài khoản', NULL FROM payouts`,
    [tenantId, importId],
  );
  await db.query(`SET session_replication_role = origin`);
  await db.query(
    `CREATE TABLE bench_injected (kind text NOT NULL, subject_key text NOT NULL, PRIMARY KEY (kind, subject_key))`,
  );
  await db.query(
    `INSERT INTO bench_injected (kind, subject_key)
     SELECT CASE k WHEN 0 THEN 'missing-in-ledger' WHEN 1 THEN 'missing-at-stripe' WHEN 2 THEN 'amount-mismatch' WHEN 3 THEN 'currency-mismatch' ELSE 'duplicate' END,
            CASE k WHEN 1 THEN 'ledger:invoice-paid:in_' || ($1 + n) || '|charge|ch_' || ($1 + n)
                   WHEN 4 THEN 'ledger:invoice-paid:in_dup_' || n || '|charge|ch_' || n
                   ELSE 'txn:txn_' || n END
     FROM generate_series(1, $1::int) AS n CROSS JOIN LATERAL (SELECT ${klass} AS k) AS c WHERE k IS NOT NULL
     UNION ALL
     SELECT CASE pk WHEN 0 THEN 'missing-at-bank' WHEN 1 THEN 'amount-mismatch' WHEN 2 THEN 'duplicate' ELSE 'missing-at-stripe' END,
            CASE pk WHEN 0 THEN 'payout:' || id WHEN 1 THEN 'payout:' || id WHEN 2 THEN 'bank:BNK-DUP-' || q ELSE 'bank:BNK-ORPHAN-' || q END
     FROM (SELECT id, q, ${payoutClass} AS pk FROM (SELECT id, (substr(id, 4)::int - 1) / 2740 AS q FROM finance.stripe_payouts WHERE tenant_id = $2) p) x
     WHERE pk IS NOT NULL`,
    [transactions, tenantId],
  );
  // As autovacuum leaves bulk-loaded tables: visibility map set and statistics fresh (and no vacuum starting mid-measurement).
  for (const table of [
    'stripe_balance_transactions',
    'stripe_ledger_keys',
    'journal_entries',
    'postings',
    'stripe_payouts',
    'bank_statement_lines',
  ]) {
    await db.query(`VACUUM ANALYZE finance.${table}`);
  }
}
