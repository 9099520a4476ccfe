import { useRef, useState, type RefObject } from 'react';

/** What {@link NewPasswordFields} shows and reports. */
export interface NewPasswordFieldsState {
  password: string;
  repeat: string;
  /** The two differed when the form was sent. */
  mismatch: boolean;
  repeatRef: RefObject<HTMLInputElement | null>;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
}

export interface NewPassword {
  password: string;
  fields: NewPasswordFieldsState;
  /** True when both fields hold the same; otherwise says so and focuses the second field. */
  confirm: () => boolean;
  clear: () => void;
}

/** A new password typed twice: a typo would otherwise lock its owner out. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const repeatRef = useRef<HTMLInputElement>(null);

  const confirm = () => {
    const same = password === repeat;
    setMismatch(!same);
    if (!same) repeatRef.current?.focus();
    return same;
  };
  const clear = () => {
    setPassword('');
    setRepeat('');
    setMismatch(false);
  };

  return {
    password,
    confirm,
    clear,
    fields: {
      password,
      repeat,
      mismatch,
      repeatRef,
      onPassword: setPassword,
      onRepeat: (value) => {
        setRepeat(value);
        setMismatch(false);
      },
    },
  };
}
