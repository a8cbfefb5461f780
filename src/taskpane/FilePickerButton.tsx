import { Button, makeStyles } from "@fluentui/react-components";
import { useRef, type ReactElement, type ReactNode } from "react";

const useStyles = makeStyles({
  hidden: { display: "none" },
});

export interface FilePickerButtonProps {
  /** File types the picker offers (`.json,application/json`). */
  accept: string;
  icon?: ReactElement;
  onFile: (file: File) => void;
  children?: ReactNode;
}

/**
 * A button that opens the browser's file picker and hands over the chosen file: one control for
 * keyboards and screen readers (the file input itself is hidden from both), and the same file can be
 * picked twice in a row.
 */
export function FilePickerButton({ accept, icon, onFile, children }: FilePickerButtonProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={icon} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={accept}
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          // Cleared so that choosing the same file again still fires a change.
          e.target.value = "";
        }}
      />
    </>
  );
}
