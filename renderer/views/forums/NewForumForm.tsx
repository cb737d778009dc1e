import { useState, type FormEvent } from 'react';
import { FORUM_KINDS, FORUM_PRESETS, type ForumKind } from '../../../shared/domain/forums';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { useRoute } from '../../stores/route';
import { forumsText as t } from '../../text/forums';

const FIELDS = ['kind', 'name', 'school', 'purpose'] as const;

export function NewForumForm() {
  const navigate = useRoute((s) => s.navigate);
  const errors = useFormErrors(FIELDS);
  const [kind, setKind] = useState<ForumKind>('trio');
  const [name, setName] = useState('TRIO');
  const [school, setSchool] = useState('');
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await write('forums.create', { kind, name, school, purpose });
    setBusy(false);
    if (!result.ok) return errors.set(result.error);
    errors.clear();
    navigate({ section: 'fora', forumId: result.value.id });
  }

  function chooseKind(next: ForumKind) {
    // Suggest the type's name while the user has not written one of their own.
    if (name === '' || name === FORUM_PRESETS[kind].label) setName(next === 'egen' ? '' : FORUM_PRESETS[next].label);
    setKind(next);
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-forum-title" noValidate>
      <h2 id="new-forum-title">{t.newForum}</h2>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.kind} error={errors.at('kind')} hint={FORUM_PRESETS[kind].description}>
        {(props) => (
          <select {...props} value={kind} onChange={(e) => chooseKind(e.target.value as ForumKind)}>
            {FORUM_KINDS.map((k) => (
              <option key={k} value={k}>
                {FORUM_PRESETS[k].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.name} error={errors.at('name')}>
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} placeholder={t.namePlaceholder} />}
      </Field>
      <Field label={t.school} error={errors.at('school')}>
        {(props) => <input {...props} value={school} onChange={(e) => setSchool(e.target.value)} autoComplete="organization" />}
      </Field>
      <Field label={t.purpose} error={errors.at('purpose')} hint={t.purposeHint}>
        {(props) => <textarea {...props} rows={3} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t.create}
      </button>
    </form>
  );
}
