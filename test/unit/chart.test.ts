import { describe, expect, it } from 'vitest';
import { escalationChartSvg, svgToPng, type DayPoint } from '../../src/briefing/chart.ts';
import { sparkline } from '../../src/briefing/sparkline.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const days: DayPoint[] = [
  { date: '2023-09-23', articles: 0, byLevel: [0, 0, 0, 0, 0, 0], strongestNew: 0 },
  { date: '2023-09-24', articles: 3, byLevel: [1, 0, 0, 0, 0, 2], strongestNew: 5 },
  { date: '2023-09-25', articles: 2, byLevel: [0, 0, 1, 0, 0, 0], strongestNew: 2 },
];

describe('escalation chart', () => {
  it('rasterises to a valid PNG of the declared size', () => {
    const png = svgToPng(escalationChartSvg('Kosovo <test> & more', days));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(900);
    expect(view.getUint32(20)).toBe(340);
  });

  it('stacks each day’s bar by level, unscored articles in grey, and draws the new-event line', () => {
    const svg = escalationChartSvg('Kosovo <b>', days);
    expect(svg).toContain('Kosovo &lt;b&gt;');
    expect(svg).toContain('<polyline');
    // 09-24: one calm and two deadly articles; 09-25: one at level 2 and one unscored.
    expect(svg.match(/fill="#a61e1e"/g)).toHaveLength(1);
    expect(svg.match(/fill="#c9d6e3"/g)).toHaveLength(1);
    expect(svg.match(/fill="#dddddd"/g)).toHaveLength(1);
    const unknown = escalationChartSvg(
      'Kosovo',
      days.map((day) => ({ ...day, byLevel: [0, 0, 0, 0, 0, 0], strongestNew: null })),
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
