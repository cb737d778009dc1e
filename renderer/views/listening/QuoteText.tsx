import { listeningText as t } from '../../text/listening';

/** An input's words; a quote is set in quotation marks and says so in words too. */
export function QuoteText({ text, isQuote }: { text: string; isQuote: boolean }) {
  if (!isQuote) return <span className="input-text">{text}</span>;
  return (
    <span className="input-text input-quote">
      <span className="quote-mark">{t.quoteShort}</span> »{text}«
    </span>
  );
}
