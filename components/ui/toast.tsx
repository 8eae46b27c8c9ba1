"use client";
// Toasts on Radix Toast: every action says what it changed; destructive ones offer Undo for a
// few seconds. `useToast()` from any client component under <ToastProvider>.
import { Toast as T } from "radix-ui";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

interface ToastInput {
  title: string;
  description?: string;
  tone?: "info" | "error";
  /** An Undo (or other) action shown for the toast's life. */
  action?: { label: string; onClick: () => void };
}
interface Item extends ToastInput {
  id: number;
}

const Ctx = createContext<(toast: ToastInput) => void>(() => {});

export function useToast() {
  return useContext(Ctx);
}

let next = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback(
    (toast: ToastInput) => setItems((list) => [...list.slice(-2), { ...toast, id: next++ }]),
    [],
  );
  const drop = (id: number) => setItems((list) => list.filter((t) => t.id !== id));
  return (
    <Ctx.Provider value={push}>
      <T.Provider duration={6000} label="Notification">
        {children}
        {items.map((t) => (
          <T.Root
            key={t.id}
            onOpenChange={(open) => (open ? null : drop(t.id))}
            className={
              "flex items-start gap-3 rounded-md border px-4 py-3 shadow-lg " +
              (t.tone === "error"
                ? "border-rose-300 bg-rose-50 text-rose-900"
                : "border-slate-200 bg-white text-slate-900")
            }
          >
            <div className="flex-1">
              <T.Title className="text-sm font-medium">{t.title}</T.Title>
              {t.description ? (
                <T.Description className="text-xs text-slate-700">{t.description}</T.Description>
              ) : null}
            </div>
            {t.action ? (
              <T.Action
                altText={t.action.label}
                onClick={t.action.onClick}
                className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50"
              >
                {t.action.label}
              </T.Action>
            ) : null}
            <T.Close aria-label="Dismiss" className="text-slate-600">
              ✕
            </T.Close>
          </T.Root>
        ))}
        <T.Viewport className="fixed right-4 bottom-4 z-[60] flex w-[calc(100vw-2rem)] max-w-sm flex-col gap-2 outline-none" />
      </T.Provider>
    </Ctx.Provider>
  );
}
