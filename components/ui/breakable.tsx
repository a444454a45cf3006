import { Fragment } from 'react';

/**
 * A name that may wrap between its parts, as a reader splits it: after `_`, `.` and `/` (a
 * `<wbr>` there; browsers already break after `-`), so `GPG_SIGNING_KEY` and `octo-org/octo-app`
 * wrap between words rather than anywhere. The text stays one string of characters: copied, read
 * aloud or searched, the name is unchanged.
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_./])/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
