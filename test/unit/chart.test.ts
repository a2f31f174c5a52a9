import { describe, expect, it } from 'vitest';
import { escalationChartSvg, svgToPng, type DayPoint } from '../../src/briefing/chart.ts';
import { sparkline } from '../../src/briefing/sparkline.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const days: DayPoint[] = [
  { date: '2023-09-23', articles: 0, maxSeverity: null },
  { date: '2023-09-24', articles: 3, maxSeverity: 4 },
  { date: '2023-09-25', articles: 1, maxSeverity: 2 },
];

describe('escalation chart', () => {
  it('rasterises to a valid PNG of the declared size', () => {
    const png = svgToPng(escalationChartSvg('Kosovo <test> & more', days));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(900);
    expect(view.getUint32(20)).toBe(340);
  });

  it('draws the severity line only through days where it is known', () => {
    const svg = escalationChartSvg('Kosovo <b>', days);
    expect(svg).toContain('<polyline');
    expect(svg).toContain('Kosovo &lt;b&gt;');
    const unknown = escalationChartSvg(
      'Kosovo',
      days.map((day) => ({ ...day, maxSeverity: null })),
    );
    expect(unknown).not.toContain('<polyline');
    expect(unknown).toContain('Severity: unknown');
  });
});

describe('sparkline', () => {
  it('scales values to eight bar heights and leaves gaps for unknown values', () => {
    expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
    expect(sparkline([null, 5, 0], 5)).toBe(' █▁');
    expect(sparkline([0, 0])).toBe('▁▁');
  });
});
