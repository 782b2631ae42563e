// Draws Mermaid diagrams (text/vnd.mermaid) with the mermaid library bundled in this extension (no CDN).
import type { ActivationFunction } from 'vscode-notebook-renderer';
import mermaid from 'mermaid';

let sequence = 0;

export const activate: ActivationFunction = () => {
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  return {
    async renderOutputItem(outputItem, element) {
      const text = outputItem.text();
      const id = `smartpulse-mermaid-${++sequence}`;
      try {
        const { svg } = await mermaid.render(id, text);
        element.innerHTML = svg;
        element.classList.add('smartpulse-mermaid');
      } catch (e) {
        element.innerHTML = '';
        const pre = document.createElement('pre');
        pre.textContent = `Mermaid could not draw this diagram: ${(e as Error).message}\n\n${text}`;
        element.appendChild(pre);
        document.getElementById(`d${id}`)?.remove();
      }
    },
  };
};
