import { RailHttpAnswer, RailRefusedError, RailUnavailableError } from '../rail-http';
import { MOMO_MAINTENANCE } from './momo-result-codes';

export const MOMO = 'momo';

/** A MoMo answer: a JSON object with a whole resultCode and, usually, a message. */
export interface MomoAnswer {
  body: Record<string, unknown>;
  resultCode: number;
  message: string;
}

/** Reads the envelope every AIO v2 answer shares; anything else is MoMo not answering usefully. */
export function readMomoAnswer(answer: RailHttpAnswer): MomoAnswer {
  const { body } = answer;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RailUnavailableError(MOMO, `HTTP ${answer.status} without a JSON object`);
  const fields = body as Record<string, unknown>;
  const { resultCode, message } = fields;
  if (typeof resultCode !== 'number' || !Number.isSafeInteger(resultCode))
    throw new RailUnavailableError(MOMO, `HTTP ${answer.status} without a resultCode`);
  if (resultCode === MOMO_MAINTENANCE) throw new RailUnavailableError(MOMO, 'under maintenance (10)');
  return { body: fields, resultCode, message: typeof message === 'string' ? message : '' };
}

export function momoRefusal(answer: MomoAnswer): RailRefusedError {
  return new RailRefusedError(MOMO, String(answer.resultCode), answer.message || 'no message');
}
