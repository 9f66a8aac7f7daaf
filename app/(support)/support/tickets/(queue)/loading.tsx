export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite" className="space-y-4">
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-10 w-full animate-pulse rounded bg-slate-100" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="h-10 w-full animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
