interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** What the browser's password manager may offer: one the user has, or a new one being chosen. */
  autocomplete?: 'current-password' | 'new-password';
  minLength?: number;
}

/** A labelled password input for a passphrase; the label and the input are two cells of a form's grid. */
export function PassphraseField({ id, label, value, onInput, autocomplete, minLength }: Props) {
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autocomplete={autocomplete}
        minLength={minLength}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </>
  );
}
