import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT';
import { applyLink } from './applyLink';

/** The inline form behind the Link button: an address, or empty to remove the link. */
export function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState(() => {
    const current: unknown = editor.getAttributes('link').href;
    return typeof current === 'string' ? current : '';
  });
  const [invalid, setInvalid] = useState(false);

  useEffect(() => input.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (applyLink(editor, href) === 'invalid') {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    onClose();
  };

  return (
    <form
      className="standpunt-link-form"
      aria-label={t('link.title')}
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <FormField
        invalid={invalid}
        label={<FormLabel htmlFor={`${id}-href`}>{t('link.url')}</FormLabel>}
        description={
          <FormFieldDescription id={`${id}-hint`}>{t('link.hint')}</FormFieldDescription>
        }
        input={
          <Textbox
            ref={input}
            id={`${id}-href`}
            type="text"
            inputMode="url"
            invalid={invalid}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
            value={href}
            onChange={(event) => {
              setHref(event.target.value);
              setInvalid(false);
            }}
          />
        }
      />
      {invalid && (
        <Alert type="error" role="alert" id={`${id}-error`}>
          <Paragraph>{t('link.invalid')}</Paragraph>
        </Alert>
      )}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          {t('link.apply')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={close}>
          {t('link.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
