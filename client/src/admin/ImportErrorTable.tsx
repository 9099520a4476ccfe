import type { ImportLineError } from '@standpunt/shared';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../i18n/useT';
import { DataTable } from '../layout/DataTable';

/** The lines that stopped an import, numbered as in the file (the header is line 1). */
export function ImportErrorTable({ lines }: { lines: readonly ImportLineError[] }) {
  const t = useT();
  return (
    <DataTable
      caption={t('import.errors.caption')}
      className="standpunt-import-table"
      columns={[t('import.column.line'), t('import.column.error')]}
    >
      {lines.map((line, index) => (
        // One line may have more than one problem.
        <TableRow key={`${line.line}-${index}`}>
          <TableCell>{line.line}</TableCell>
          <TableCell>{line.message}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
