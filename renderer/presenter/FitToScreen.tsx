import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { presenterText } from '../text/presenter';

/**
 * The smallest any text may get, as a share of the page's base size: 24px at 1280×720, which a
 * projector still shows readably at the back of a staff room.
 */
export const READABLE_MIN = 0.75;
const STEP = 0.04;
/** A page that does not fit even at the smallest size turns by itself after this long. */
export const PAGE_SECONDS = 20;

/**
 * Fits its text into the room left on the projector page without scrolling: the text steps down in
 * size until it fits, its smallest text never below READABLE_MIN of the page's base size; what still
 * does not fit is shown a page at a time, whole lines only, turning by itself and with PageDown/PageUp
 * or the arrows in the projector window.
 * `content` names what is shown, so a new text is fitted afresh.
 */
export function FitToScreen({ content, children }: { content: string; children: ReactNode }) {
  const frameRef = useRef<HTMLDivElement>(null);
  const innerRef = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState({ pages: 1, pageHeight: 0 });
  // The page belongs to the text it was turned on: a new text starts on its first page.
  const [turned, setTurned] = useState({ content, page: 0 });
  const page = turned.content === content ? turned.page : 0;

  const measure = useCallback(() => {
    const frame = frameRef.current;
    const inner = innerRef.current;
    if (!frame || !inner) return;
    inner.classList.remove('paged');
    frame.classList.remove('paged');
    const texts = Array.from(inner.querySelectorAll<HTMLElement>('*'));
    for (const el of texts) el.style.removeProperty('font-size');
    // Each text shrinks from its own size down to the readable minimum, and no further: a big
    // decision gives way before a dissent that is already small.
    const floor = READABLE_MIN * parseFloat(getComputedStyle(frame).fontSize);
    const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
    const largest = Math.max(floor, ...sizes);
    const lowest = floor / largest;
    let scale = 1;
    // Each step is measured at once (a forced layout), so the first frame drawn already fits. The
    // steps are counted down to the lowest scale, never compared as products of floats.
    while (inner.scrollHeight > frame.clientHeight + 1 && scale > lowest + 1e-6) {
      scale = Math.max(lowest, scale - STEP);
      texts.forEach((el, k) => el.style.setProperty('font-size', `${Math.max(floor, (sizes[k] ?? floor) * scale)}px`));
    }
    if (inner.scrollHeight <= frame.clientHeight + 1) return setFit({ pages: 1, pageHeight: 0 });
    // Paged: one size and line height everywhere, so a page of whole lines ends exactly at a line.
    for (const el of texts) el.style.removeProperty('font-size');
    inner.classList.add('paged');
    const line = parseFloat(getComputedStyle(inner).lineHeight);
    // One line less than would fit leaves room for «Side 1 af 3» below.
    const lines = Math.max(1, Math.floor(frame.clientHeight / line) - 1);
    const pageHeight = lines * line;
    frame.style.setProperty('--page-height', `${pageHeight}px`);
    frame.classList.add('paged');
    setFit({ pages: Math.ceil((inner.scrollHeight - 1) / pageHeight), pageHeight });
  }, []);

  useLayoutEffect(() => {
    measure();
  }, [content, measure]);

  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(frame.parentElement ?? frame);
    return () => observer.disconnect();
  }, [measure]);

  const paged = fit.pages > 1;
  useEffect(() => {
    if (!paged) return;
    const turn = (by: number) => setTurned({ content, page: (page + by + fit.pages) % fit.pages });
    const timer = setInterval(() => turn(1), PAGE_SECONDS * 1000);
    const onKey = (event: KeyboardEvent) => {
      if (['PageDown', 'ArrowDown', 'ArrowRight', ' '].includes(event.key)) turn(1);
      else if (['PageUp', 'ArrowUp', 'ArrowLeft'].includes(event.key)) turn(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [paged, fit.pages, page, content]);

  return (
    <>
      {/* Size and paging are set by measure() on the elements themselves, so React never undoes them. */}
      <div ref={frameRef} className="presenter-fit">
        <div ref={innerRef} className="presenter-fit-inner" style={{ transform: paged ? `translateY(-${page * fit.pageHeight}px)` : undefined }}>
          {children}
        </div>
      </div>
      {paged && (
        <p className="presenter-page" aria-live="polite">
          {presenterText.page(page + 1, fit.pages)}
        </p>
      )}
    </>
  );
}
