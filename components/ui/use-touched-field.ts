'use client';

import { useState, type ChangeEvent } from 'react';

type Parsed<T> = { success: true; data: T } | { success: false };

/**
 * A text field whose problem shows once the user has left it or tried to submit (`touched`):
 * `input` goes on the TextField, and `submit` marks it touched and sends only a valid value.
 */
export function useTouchedField(initial: string | (() => string)) {
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  return {
    value,
    touched,
    input: { value, onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value), onBlur: () => setTouched(true) },
    submit: <T>(parsed: Parsed<T>, send: (data: T) => void) => {
      setTouched(true);
      if (parsed.success) send(parsed.data);
    },
  };
}
