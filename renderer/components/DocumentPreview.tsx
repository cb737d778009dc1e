import { createElement, Fragment, useMemo, type ReactNode } from 'react';

/**
 * A Word document read back as HTML by the main process (electron/export/preview.ts), shown as React
 * elements. The HTML is parsed, never injected: only the elements and classes a referat uses are kept,
 * anything else keeps just its text, so nothing in a document can add markup, links or scripts to the app.
 */
const ELEMENTS = new Set(['p', 'h3', 'h4', 'strong', 'em', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'ol', 'li', 'span']);
const CLASSES = new Set(['dokument-titel', 'punktfakta', 'beslutning', 'punktnote', 'fair-titel', 'fair', 'farvemaerke']);

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const children = Array.from(node.childNodes, toReact);
  const tag = node.tagName.toLowerCase();
  if (!ELEMENTS.has(tag)) return createElement(Fragment, { key }, ...children);
  const className = node.getAttribute('class');
  const props = { key, className: className !== null && CLASSES.has(className) ? className : undefined };
  return tag === 'br' ? createElement(tag, props) : createElement(tag, props, ...children);
}

export function DocumentPreview({ html, label }: { html: string; label: string }) {
  const content = useMemo(() => Array.from(new DOMParser().parseFromString(html, 'text/html').body.childNodes, toReact), [html]);
  // Focusable, so the preview scrolls from the keyboard like the page around it.
  return (
    <article className="document-preview" aria-label={label} tabIndex={0}>
      {content}
    </article>
  );
}
