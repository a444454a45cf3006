'use client';

import { useId, useState } from 'react';
import { FileUp } from 'lucide-react';
import { parseUsageCsv, type UsageCsvResult } from '@/lib/usage/domain/usage-csv';
import { pluralize } from '@/lib/format';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads GitHub's detailed usage CSV in the browser (it never leaves the page) and hands the valid
 * rows on; every rejected row is listed with its line number.
 */
/** A detailed usage CSV as read in the browser, with the file's name. */
export type ParsedUsageCsv = UsageCsvResult & { fileName: string };

export function UsageCsvUpload({ onParsed }: { onParsed: (result: ParsedUsageCsv) => void }) {
  const id = useId();
  const [result, setResult] = useState<(UsageCsvResult & { fileName: string }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const read = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setProblem(`${file.name} is larger than 20 MB; export a shorter period.`);
      return;
    }
    const parsed = { ...parseUsageCsv(await file.text()), fileName: file.name };
    setResult(parsed);
    if (parsed.rows.length) onParsed(parsed);
  };

  return (
    <div className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
      <label htmlFor={id} className="flex cursor-pointer items-center gap-2 font-medium">
        <FileUp aria-hidden className="size-4" /> Detailed usage report (CSV)
      </label>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        GitHub e-mails billing managers a usage report with a username on every line. Drop it here to make per-member cost exact; it is read
        in this browser and never uploaded.
      </p>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        onChange={(e) => void read(e.target.files?.[0])}
        className="mt-2 block text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
      />
      {problem && (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      {result && (
        <div role="status" className="mt-2">
          <p>
            {result.fileName}: {pluralize(result.rows.length, 'Codespaces row')} read
            {result.otherProducts > 0 && `, ${pluralize(result.otherProducts, 'row')} of other products set aside`}
            {result.errors.length > 0 && `, ${pluralize(result.errors.length, 'row')} rejected`}.
          </p>
          {result.errors.length > 0 && (
            <ul aria-label="Rejected rows" className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-red-700 dark:text-red-400">
              {result.errors.slice(0, 50).map((e) => (
                <li key={e.line}>
                  Line {e.line}: {e.message}
                </li>
              ))}
              {result.errors.length > 50 && <li>…and {result.errors.length - 50} more</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
