import { useId, useState, type FormEvent } from 'react';
import type { Forum } from '../../../shared/api/types';
import type { ColourDefinition } from '../../../shared/domain/colours';
import { contrastRatio, readableTextOn } from '../../../shared/domain/contrast';
import { ColourBadge } from '../../components/ColourBadge';
import { ColourLegend } from '../../components/ColourLegend';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { forumPageText as p } from '../../text/forums';
import { useFocusInvalid } from '../../components/useFocusInvalid';

const c = p.colours;
const HEX = /^#[0-9A-Fa-f]{6}$/;

export function ColoursTab({ forum }: { forum: Forum }) {
  return (
    <div className="tab-stack">
      <section aria-labelledby="colours-title">
        <h2 id="colours-title">{c.title}</h2>
        <p className="lead-small">{c.intro}</p>
        <p className="readability-note">{c.readability}</p>
        <ColourLegend colours={forum.colours} />
      </section>
      <section aria-labelledby="colours-edit-title">
        <h2 id="colours-edit-title">{c.editTitle}</h2>
        <div className="colour-grid">
          {forum.colours.map((colour) => (
            <ColourEditor key={colour.key} forumId={forum.id} colour={colour} />
          ))}
        </div>
      </section>
    </div>
  );
}

const FIELDS = ['label', 'code', 'meaning', 'hex'] as const;

function ColourEditor({ forumId, colour }: { forumId: string; colour: ColourDefinition }) {
  const errors = useFormErrors(FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [label, setLabel] = useState(colour.label);
  const [code, setCode] = useState(colour.code);
  const [meaning, setMeaning] = useState(colour.meaning);
  const [hex, setHex] = useState(colour.hex);
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  // The preview follows the typing; an unfinished hex keeps showing the last saved colour.
  const shownHex = HEX.test(hex) ? hex.toUpperCase() : colour.hex;
  const textHex = readableTextOn(shownHex);
  const preview: ColourDefinition = {
    ...colour,
    label: label.trim() || colour.label,
    code: code.trim().toUpperCase() || colour.code,
    meaning,
    hex: shownHex,
    textHex,
  };
  const hardToRead = contrastRatio(shownHex, textHex) < 4.5;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(undefined);
    const outcome = await write('forums.updateColour', { forumId, colour: colour.key, label, code, meaning, hex });
    setBusy(false);
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    setCode(code.trim().toUpperCase());
    setHex(hex.toUpperCase());
    setSaved(c.saved(label.trim()));
  }

  return (
    <form ref={formRef} className="panel colour-editor" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <div className="colour-editor-head">
        <h3 id={titleId}>{colour.label}</h3>
        <p className="colour-preview">
          <span className="muted">{c.preview}</span> <ColourBadge colour={preview} />
        </p>
      </div>
      <Notice kind="ok">{saved}</Notice>
      <Notice kind="error">{errors.general}</Notice>
      <div className="field-row">
        <Field label={c.label} error={errors.at('label')}>
          {(props) => <input {...props} value={label} maxLength={30} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Field label={c.code} error={errors.at('code')}>
          {(props) => (
            <input
              {...props}
              className="code-input"
              value={code}
              maxLength={2}
              autoCapitalize="characters"
              onChange={(e) => setCode(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      </div>
      <Field label={c.meaning} error={errors.at('meaning')} hint={c.meaningHint}>
        {(props) => <textarea {...props} rows={3} value={meaning} onChange={(e) => setMeaning(e.target.value)} />}
      </Field>
      <div className="field-row colour-pick">
        <Field label={c.colour}>
          {(props) => (
            <input {...props} type="color" className="colour-input" value={shownHex.toLowerCase()} onChange={(e) => setHex(e.target.value.toUpperCase())} />
          )}
        </Field>
        <Field label={c.hex} error={errors.at('hex')}>
          {(props) => (
            <input {...props} className="hex-input" value={hex} maxLength={7} spellCheck={false} onChange={(e) => setHex(e.target.value.trim())} />
          )}
        </Field>
      </div>
      {hardToRead && <p className="warning">{c.lowContrast}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {c.save(colour.label)}
      </button>
    </form>
  );
}
