import QRCode from 'qrcode';
import type { RouteHandler } from './server.ts';

/** What the QR page needs to know of the WhatsApp transport. */
export interface QrSource {
  currentQr(): string | undefined;
  health(): { state: string };
}

const noStore = { 'cache-control': 'no-store' };

/**
 * `GET /whatsapp/qr`: the pairing QR code for an operator on a headless machine, as an HTML page that
 * reloads itself (WhatsApp replaces the code about every 20 seconds) and shows the state once paired.
 */
export function qrPage(source: QrSource): RouteHandler {
  return async (_req, res) => {
    const qr = source.currentQr();
    const state = source.health().state;
    const body = qr
      ? `<p>Scan with WhatsApp on the bot's phone: Settings › Linked devices › Link a device.</p>${await QRCode.toString(qr, { type: 'svg', margin: 2, width: 320 })}`
      : `<p>No QR code needed now. WhatsApp state: <b>${escapeHtml(state)}</b>.</p>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...noStore });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">` +
        `<title>relief-bot: WhatsApp pairing</title></head><body>${body}</body></html>`,
    );
  };
}

/** `GET /whatsapp/qr.png`: the same code as an image; 404 while none is needed. */
export function qrImage(source: QrSource): RouteHandler {
  return async (_req, res) => {
    const qr = source.currentQr();
    if (!qr) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...noStore });
      res.end(`no QR code needed (state: ${source.health().state})\n`);
      return;
    }
    const png = await QRCode.toBuffer(qr, { type: 'png', margin: 2, width: 320 });
    res.writeHead(200, { 'content-type': 'image/png', ...noStore });
    res.end(png);
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
