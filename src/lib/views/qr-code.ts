/**
 * A QR code as inline SVG, made at build time with the `qrcode` library.
 * Only `fill`/`stroke`/`d` attributes, no style attribute or <style>, so it
 * sits within the site's Content Security Policy.
 */
import QRCode from 'qrcode';

export async function qrCodeSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  // An accessible name comes from the figure around it; the drawing itself is decoration.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
