import { toString as qrToString } from 'qrcode';

/**
 * A QR payload (VietQR, or a wallet's) drawn as inline SVG on the server: nothing for the payer's
 * browser to run or fetch. Medium error correction, as banking apps expect of VietQR.
 */
export async function paymentQrSvg(payload: string): Promise<string> {
  const svg = await qrToString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return svg.replace(/^<svg /, '<svg class="qr" aria-hidden="true" ');
}
