import {
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

interface DataTableProps {
  /** Read by screen readers; hidden on screen, where a heading already names the table. */
  caption: string;
  /** Column headings, in order. */
  columns: readonly string[];
  /** Extra class for column widths. */
  className?: string;
  /** The body rows (`TableRow`s). */
  children: ReactNode;
}

/** The app's tables: a hidden caption, scoped column headings, and a scrolling container. */
export function DataTable({ caption, columns, className, children }: DataTableProps) {
  return (
    <div className="standpunt-table-container">
      <Table className={className ? `standpunt-table ${className}` : 'standpunt-table'}>
        <TableCaption className="standpunt-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column} scope="col">
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
