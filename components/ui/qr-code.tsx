// A QR code as an inline SVG (one path; computed here by `qrcode`, nothing fetched). White
// quiet zone around it so phone cameras read it on any background.
import QRCode from "qrcode";

export function QrCode({ value, label, size = 192 }: { value: string; label: string; size?: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const quiet = 4;
  let d = "";
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const total = n + quiet * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${total} ${total}`}
      shapeRendering="crispEdges"
      className="rounded border border-slate-200 bg-white"
    >
      <rect width={total} height={total} fill="#fff" />
      <path d={d} fill="#0f172a" />
    </svg>
  );
}
