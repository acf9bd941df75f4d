import type { RecoveryMatrix } from './recoveryResults';

/**
 * Horizontal bars for the pages router on loopback (the cell of decision 014's targets), one pair
 * per variant: recovery start → content, and navigation start → content of a deep link; then the
 * limit (refresh + valid client navigation) and the raw network floor.
 */
export function renderRecoveryChart({ cells }: RecoveryMatrix): string {
  const cell = cells.find((c) => c.router === 'pages router' && c.profile === 'loopback');
  const rows = [
    ...Object.values(cell?.variants ?? {}).map((v) => ({ name: v.label, recovery: v.deepLink?.medians.recoveryMs ?? 0, felt: v.deepLink?.medians.userFeltMs ?? 0 })),
    { name: 'limit: refresh + valid client navigation', recovery: cell?.floor.limitMs ?? 0, felt: 0 },
    { name: 'raw floor: refresh + server props', recovery: cell?.rawFloorMs ?? 0, felt: 0 },
  ].map((row) => ({ ...row, recovery: Number.isFinite(row.recovery) ? row.recovery : 0, felt: Number.isFinite(row.felt) ? row.felt : 0 }));
  const max = Math.max(...rows.flatMap((row) => [row.recovery, row.felt]), 1);
  const scale = 420 / max;
  const bars = rows.map((row, i) => {
    const y = 30 + i * 44;
    const bar = (value: number, dy: number, color: string) =>
      value > 0
        ? `<rect x="250" y="${y + dy}" width="${(value * scale).toFixed(1)}" height="16" fill="${color}"/>` +
          `<text x="${(256 + value * scale).toFixed(1)}" y="${y + dy + 12}">${value.toFixed(0)} ms</text>`
        : '';
    return `<text x="0" y="${y + 16}">${escapeXml(row.name)}</text>${bar(row.recovery, 0, '#2f6fb0')}${bar(row.felt, 18, '#b0b0b0')}`;
  });
  const height = 40 + rows.length * 44;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${height}" font-family="sans-serif" font-size="12">`,
    '<text x="250" y="14" fill="#2f6fb0">recovery start → content</text><text x="450" y="14" fill="#808080">navigation start → content</text>',
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
