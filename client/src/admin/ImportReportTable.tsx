import { organisationName, type ImportLine } from '@standpunt/shared';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';

/** Per line of the file: who it is, and whether the import makes the account or finds it. */
export function ImportReportTable({ lines }: { lines: readonly ImportLine[] }) {
  const t = useT();
  return (
    <DataTable
      caption={t('import.report.caption')}
      className="standpunt-import-table"
      columns={[
        t('import.column.line'),
        t('admin.users.column.email'),
        t('admin.users.column.name'),
        t('admin.users.column.organisation'),
        t('admin.users.column.admin'),
        t('import.column.outcome'),
      ]}
    >
      {lines.map((line) => (
        <TableRow key={line.line}>
          <TableCell>{line.line}</TableCell>
          <TableCell>{line.email}</TableCell>
          <TableCell>{line.name}</TableCell>
          <TableCell>{organisationName(line.municipality)}</TableCell>
          <TableCell>{line.admin ? t('admin.users.yes') : t('admin.users.no')}</TableCell>
          <TableCell>{t(`import.outcome.${line.outcome}`)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
