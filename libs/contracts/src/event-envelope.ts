/** CloudEvents 1.0 shaped envelope of every JetStream fact (DESIGN.md §3). */
export interface EventEnvelope<Data = unknown> {
  /** UUID; also the `Nats-Msg-Id` header and the consumers' inbox key. */
  id: string;
  /** The event subject, e.g. `evt.gateway.tenant.created.v1`. */
  type: string;
  /** The publishing service. */
  source: string;
  tenantId: string;
  /** ISO 8601 instant at which the fact happened. */
  time: string;
  /** The id of the aggregate the fact is about. */
  subject: string;
  dataVersion: string;
  data: Data;
}
