import {
  Alert,
  Button,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createPaper } from '../api/papers';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { useT } from '../i18n/useT';
import { OTHER_THEME, THEME_OPTIONS, chosenTheme } from './themeChoice';

/** "Nieuw positionpaper": title and theme; on success opens the new paper. */
export function NewPaperForm() {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const [title, setTitle] = useState('');
  const [selectedTheme, setSelectedTheme] = useState<string>(THEME_OPTIONS[0] ?? OTHER_THEME);
  const [otherTheme, setOtherTheme] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const paper = await createPaper({
        title: title.trim(),
        theme: chosenTheme(selectedTheme, otherTheme),
      });
      navigate(`/papers/${encodeURIComponent(paper.id)}`);
    } catch (failure) {
      setError(handleError(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="standpunt-form standpunt-card"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void onSubmit(event)}
    >
      <Heading2 id={`${id}-heading`}>{t('papers.new.title')}</Heading2>
      {error && (
        <Alert type="error" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <FormField
        label={<FormLabel htmlFor={`${id}-title`}>{t('papers.new.paperTitle')}</FormLabel>}
        input={
          <Textbox
            id={`${id}-title`}
            required
            maxLength={300}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        }
      />
      <FormField
        label={<FormLabel htmlFor={`${id}-theme`}>{t('papers.new.theme')}</FormLabel>}
        input={
          <Select
            id={`${id}-theme`}
            value={selectedTheme}
            onChange={(event) => setSelectedTheme(event.target.value)}
          >
            {THEME_OPTIONS.map((theme) => (
              <SelectOption key={theme} value={theme}>
                {theme}
              </SelectOption>
            ))}
            <SelectOption value={OTHER_THEME}>{t('papers.new.themeOther')}</SelectOption>
          </Select>
        }
      />
      {selectedTheme === OTHER_THEME && (
        <FormField
          label={<FormLabel htmlFor={`${id}-other`}>{t('papers.new.otherTheme')}</FormLabel>}
          input={
            <Textbox
              id={`${id}-other`}
              required
              maxLength={100}
              value={otherTheme}
              onChange={(event) => setOtherTheme(event.target.value)}
            />
          }
        />
      )}
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {t('papers.new.submit')}
      </Button>
    </form>
  );
}
