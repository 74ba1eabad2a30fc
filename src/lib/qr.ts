/**
 * QR codes for students' phones, drawn on the server as SVG so the page
 * ships no QR code JavaScript. `qrcode` does the encoding.
 */
import QRCode from 'qrcode';

/** An SVG QR code for `text`, black on white with the standard 4-module quiet zone. */
export function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 4,
		color: { dark: '#000000ff', light: '#ffffffff' }
	});
}
