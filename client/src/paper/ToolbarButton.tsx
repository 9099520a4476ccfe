import { Button } from '@utrecht/component-library-react';

interface ToolbarButtonProps {
  label: string;
  title: string;
  /** `undefined` for plain actions, a boolean for toggles (aria-pressed). */
  pressed?: boolean;
  disabled: boolean;
  onClick: () => void;
}

/**
 * A toolbar button. Disabled buttons stay focusable (aria-disabled), as the APG toolbar pattern
 * recommends, so arrow-key navigation never skips them silently.
 */
export function ToolbarButton({ label, title, pressed, disabled, onClick }: ToolbarButtonProps) {
  return (
    <Button
      appearance="subtle-button"
      className="standpunt-toolbar__button"
      title={title}
      aria-pressed={pressed}
      aria-disabled={disabled || undefined}
      // Keep the editor's selection when the button is clicked with a mouse.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {label}
    </Button>
  );
}
