/** What a VietQR transfer QR names: the receiving account, the amount and the transfer content. */
export interface VietQrTransfer {
  /** The receiving bank's BIN (NAPAS acquirer id), six digits. */
  bin: string;
  accountNumber: string;
  amount: number;
  /** A reference the payee matches the transfer by. */
  reference: string;
  description: string;
}

// EMVCo merchant-presented QR as NAPAS specifies it for VietQR: ID-length-value fields, the NAPAS
// GUID A000000727 with the bank BIN and account under tag 38, service QRIBFTTA (transfer to an
// account), currency 704 (VND), country VN, and a CRC-16/CCITT-FALSE over everything before it.
export function vietQrPayload(transfer: VietQrTransfer): string {
  const beneficiary = field('00', transfer.bin) + field('01', transfer.accountNumber);
  const merchantAccount = field('00', 'A000000727') + field('01', beneficiary) + field('02', 'QRIBFTTA');
  const additional = field('05', transfer.reference) + field('08', transfer.description);
  const body =
    field('00', '01') +
    field('01', '12') +
    field('38', merchantAccount) +
    field('53', '704') +
    field('54', String(transfer.amount)) +
    field('58', 'VN') +
    field('62', additional) +
    '6304';
  return body + crc16CcittFalse(body);
}

function field(id: string, value: string): string {
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}
