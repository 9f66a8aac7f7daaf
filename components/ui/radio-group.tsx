import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type RadioOption = {
  value: string;
  label: string;
  description?: ReactNode;
  disabled?: boolean;
  disabledReason?: ReactNode;
};

/** A fieldset of option cards; the legend is the group's accessible name. */
export function RadioGroup({
  name,
  legend,
  options,
  value,
  defaultValue,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  options: RadioOption[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  error?: string;
}) {
  return (
    <fieldset className="space-y-2" role="radiogroup" aria-label={legend}>
      <legend className="mb-2 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer gap-3 rounded-lg border bg-white p-4 shadow-sm transition-colors has-[:checked]:border-brand-500 has-[:checked]:ring-2 has-[:checked]:ring-brand-200",
              option.disabled ? "cursor-not-allowed border-slate-200 bg-slate-50 opacity-75" : "border-slate-300 hover:border-slate-400",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              disabled={option.disabled}
              checked={value === undefined ? undefined : value === option.value}
              defaultChecked={defaultValue === option.value}
              onChange={onChange ? () => onChange(option.value) : undefined}
              className="mt-1 size-4 shrink-0 accent-brand-600"
            />
            <span className="space-y-1">
              <span className="block text-sm font-semibold text-slate-900">{option.label}</span>
              {option.description && <span className="block text-sm text-slate-600">{option.description}</span>}
              {option.disabled && option.disabledReason && (
                <span className="block text-sm font-medium text-amber-800">{option.disabledReason}</span>
              )}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
