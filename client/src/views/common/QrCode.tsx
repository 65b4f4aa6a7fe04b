import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/**
 * A QR code as an SVG image. Dark on white with a quiet zone, whatever the page's
 * colours: phone cameras read that best, on a projector too.
 */
export function QrCode({ value, label, size, testId }: { value: string; label: string; size: number; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div className="qr" style={{ width: size, height: size }} data-testid={testId}>
      {src ? <img src={src} alt={label} width={size} height={size} /> : null}
    </div>
  );
}
