"use client";

import { useEffect, useRef, useState } from "react";
import styles from "./sharing.module.css";

/**
 * A destructive action in two steps, both plain buttons: the first asks, the
 * second does it. Focus follows the question and comes back on Cancel, so
 * keyboard users never lose their place.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const askRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);
  useEffect(() => {
    if (asking) {
      hasAsked.current = true;
      confirmRef.current?.focus();
    } else if (hasAsked.current) {
      askRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={askRef} className="secondary" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className={styles.confirm}>
      <span>{question}</span>
      <button type="button" ref={confirmRef} onClick={onConfirm} disabled={pending} className={styles.danger}>
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
