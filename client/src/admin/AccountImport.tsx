import type { ImportLineError, ImportReport } from '@standpunt/shared';
import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { importLineErrors, importUsers, type ImportFile } from '../api/users';
import { useApiErrorHandler } from '../auth/useApiErrorHandler';
import { useT } from '../i18n/useT';
import { ErrorAlert } from '../layout/ErrorAlert';
import { StatusRegion } from '../layout/StatusRegion';
import { ImportErrorTable } from './ImportErrorTable';
import { ImportReportTable } from './ImportReportTable';
import {
  IMPORT_CSV_HEADER,
  IMPORT_MAX_MEGABYTES,
  isTooLargeToImport,
  readImportFile,
  SAMPLE_IMPORT_HREF,
  SAMPLE_IMPORT_NAME,
} from './importFile';

/** Where the import stands: nothing checked yet, checked (ready to import), refused or done. */
type ImportStep =
  | { step: 'choose' }
  | { step: 'checked'; fileName: string; file: ImportFile; invite: boolean; report: ImportReport }
  | { step: 'refused'; fileName: string; message: string; lines: ImportLineError[] }
  | { step: 'imported'; fileName: string; report: ImportReport };

/**
 * "Accounts importeren": a file is checked first (a dry run, reported per line) and imported
 * only after that, as it was checked. Changing the file or the invitation choice asks for a new
 * check. The outcome of each step gets the focus, so that it is read out.
 */
export function AccountImport({ onImported }: { onImported: () => void }) {
  const t = useT();
  const id = useId();
  const handleError = useApiErrorHandler();
  const fileInput = useRef<HTMLInputElement>(null);
  // A new key empties the file input once a file is imported.
  const [inputKey, setInputKey] = useState(0);
  const [invite, setInvite] = useState(true);
  const [state, setState] = useState<ImportStep>({ step: 'choose' });
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const outcome = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.step !== 'choose') outcome.current?.focus();
  }, [state]);

  const startOver = () => {
    setState({ step: 'choose' });
    setError(null);
  };

  const check = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = fileInput.current?.files?.[0];
    startOver();
    if (!chosen) return setError(t('import.chooseFile'));
    if (isTooLargeToImport(chosen)) {
      return setError(t('import.tooLarge', { size: IMPORT_MAX_MEGABYTES }));
    }
    setBusy('checking');
    try {
      const file = await readImportFile(chosen).catch(() => null);
      if (!file) return setError(t('import.unreadable'));
      const report = await importUsers(file, { dryRun: true, invite });
      setState({ step: 'checked', fileName: chosen.name, file, invite, report });
    } catch (failure) {
      const lines = importLineErrors(failure);
      if (lines) {
        setState({ step: 'refused', fileName: chosen.name, message: handleError(failure), lines });
      } else {
        setError(handleError(failure));
      }
    } finally {
      setBusy(null);
    }
  };

  const importChecked = async () => {
    if (state.step !== 'checked') return;
    setBusy('importing');
    setError(null);
    try {
      const report = await importUsers(state.file, { dryRun: false, invite: state.invite });
      setState({ step: 'imported', fileName: state.fileName, report });
      setInputKey((key) => key + 1);
      onImported();
    } catch (failure) {
      setError(handleError(failure));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="standpunt-import standpunt-card" aria-labelledby={`${id}-heading`}>
      <Heading2 id={`${id}-heading`}>{t('import.title')}</Heading2>
      <Paragraph>{t('import.intro')}</Paragraph>
      <Paragraph>
        {t('import.formatLead')} <code>{IMPORT_CSV_HEADER}</code>
      </Paragraph>
      <Paragraph>{t('import.formatRules')}</Paragraph>
      <Paragraph>
        <a
          className="utrecht-link utrecht-link--html-a"
          href={SAMPLE_IMPORT_HREF}
          download={SAMPLE_IMPORT_NAME}
        >
          {t('import.sample')}
        </a>
      </Paragraph>
      <form className="standpunt-form" onSubmit={(event) => void check(event)}>
        <FormField
          label={<FormLabel htmlFor={`${id}-file`}>{t('import.file')}</FormLabel>}
          description={
            <FormFieldDescription id={`${id}-file-hint`}>
              {t('import.fileHint', { size: IMPORT_MAX_MEGABYTES })}
            </FormFieldDescription>
          }
          input={
            <input
              key={inputKey}
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              className="standpunt-file-input"
              accept=".csv,.json,text/csv,application/json"
              required
              aria-describedby={`${id}-file-hint`}
              onChange={startOver}
            />
          }
        />
        <FormField
          type="checkbox"
          label={
            <FormLabel htmlFor={`${id}-invite`} type="checkbox" checked={invite}>
              {t('import.invite')}
            </FormLabel>
          }
          description={
            <FormFieldDescription id={`${id}-invite-hint`}>
              {t('import.inviteHint')}
            </FormFieldDescription>
          }
          input={
            <Checkbox
              id={`${id}-invite`}
              checked={invite}
              aria-describedby={`${id}-invite-hint`}
              onChange={(event) => {
                setInvite(event.target.checked);
                startOver();
              }}
            />
          }
        />
        <StatusRegion
          message={
            busy === 'checking'
              ? t('import.checking')
              : busy === 'importing'
                ? t('import.importing')
                : null
          }
        />
        <ErrorAlert message={error} />
        <Button
          type="submit"
          appearance={
            state.step === 'checked' ? 'secondary-action-button' : 'primary-action-button'
          }
          busy={busy === 'checking'}
          disabled={busy !== null}
        >
          {t('import.check')}
        </Button>
      </form>

      {state.step === 'checked' && (
        <div className="standpunt-import__outcome">
          <Heading3 ref={outcome} tabIndex={-1}>
            {t('import.report.title', { file: state.fileName })}
          </Heading3>
          <Paragraph>
            {t('import.report.summary', {
              lines: state.report.lines.length,
              created: state.report.created.length,
              existing: state.report.existing.length,
            })}
          </Paragraph>
          <ImportReportTable lines={state.report.lines} />
          {state.report.created.length === 0 && <Paragraph>{t('import.nothing')}</Paragraph>}
          <ButtonGroup>
            {state.report.created.length > 0 && (
              <Button
                appearance="primary-action-button"
                busy={busy === 'importing'}
                disabled={busy !== null}
                onClick={() => void importChecked()}
              >
                {t(state.invite ? 'import.confirmInvite' : 'import.confirm', {
                  count: state.report.created.length,
                })}
              </Button>
            )}
            <Button
              appearance="secondary-action-button"
              disabled={busy !== null}
              onClick={startOver}
            >
              {t('import.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      )}

      {state.step === 'refused' && (
        <div className="standpunt-import__outcome">
          <Heading3 ref={outcome} tabIndex={-1}>
            {t('import.errors.title', { file: state.fileName })}
          </Heading3>
          <Paragraph>{state.message}</Paragraph>
          <Paragraph>{t('import.errors.intro')}</Paragraph>
          <ImportErrorTable lines={state.lines} />
        </div>
      )}

      {state.step === 'imported' && (
        <div className="standpunt-import__outcome">
          <Heading3 ref={outcome} tabIndex={-1}>
            {t('import.done.title', { file: state.fileName })}
          </Heading3>
          <Paragraph>
            {t(state.report.invited ? 'import.done.invited' : 'import.done', {
              created: state.report.created.length,
              existing: state.report.existing.length,
            })}
          </Paragraph>
        </div>
      )}
    </section>
  );
}
