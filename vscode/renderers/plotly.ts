// Draws application/vnd.plotly.v1+json outputs with the plotly.js bundled in this extension (no CDN).
import type { ActivationFunction } from 'vscode-notebook-renderer';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore plotly.js-dist-min ships no types
import Plotly from 'plotly.js-dist-min';

interface Figure { data?: unknown[]; layout?: Record<string, unknown>; config?: Record<string, unknown>; frames?: unknown[] }

export const activate: ActivationFunction = () => ({
  renderOutputItem(outputItem, element) {
    const figure = outputItem.json() as Figure;
    element.innerHTML = '';
    const plot = document.createElement('div');
    plot.className = 'smartpulse-plotly';
    plot.style.width = '100%';
    element.appendChild(plot);
    const layout = { ...(figure.layout ?? {}) };
    if (layout.width === undefined) layout.autosize = true;
    void Plotly.newPlot(plot, figure.data ?? [], layout, { responsive: true, displaylogo: false, ...(figure.config ?? {}) })
      .then(() => { if (figure.frames) return Plotly.addFrames(plot, figure.frames); return undefined; })
      .catch((e: Error) => { element.textContent = `Plotly could not draw this figure: ${e.message}`; });
  },
  disposeOutputItem(id) {
    if (!id) return;
    const node = document.getElementById(id);
    node?.querySelectorAll('.smartpulse-plotly').forEach((p) => Plotly.purge(p));
  },
});
