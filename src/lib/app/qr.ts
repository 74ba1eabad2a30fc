/**
 * QR codes for students' phones, as SVG. With a server they are drawn there,
 * so pages ship no QR code JavaScript; the static build, which cannot know
 * its host until it runs, draws them in the browser. `qrcode` does the encoding.
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
