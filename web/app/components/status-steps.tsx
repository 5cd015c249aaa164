// Signup → contract → activation, as a short checklist a new customer can read at a glance.
interface Step {
  label: string
  done: boolean
  detail: string
}

export function StatusSteps({
  emailVerified,
  contractSigned,
}: {
  emailVerified: boolean
  contractSigned: boolean
}) {
  const steps: Step[] = [
    {
      label: 'Email confirmed',
      done: emailVerified,
      detail: emailVerified ? 'Done.' : 'Open the link we emailed you.',
    },
    {
      label: 'Contract signed',
      done: contractSigned,
      detail: contractSigned ? 'Done.' : 'Our team will send you the contract and record it here.',
    },
    {
      label: 'Workspace activated',
      done: false,
      detail: 'Once the contract is signed we create your workspace and email you its address.',
    },
  ]
  return (
    <ol className="mt-6 flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6">
      {steps.map((step) => (
        <li key={step.label} className="flex gap-3">
          <span
            aria-hidden="true"
            className={`mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full text-sm ${
              step.done ? 'bg-emerald-600 text-white' : 'border border-slate-300 text-slate-500'
            }`}
          >
            {step.done ? '✓' : ''}
          </span>
          <div>
            <p className="font-medium">
              {step.label}
              <span className="sr-only">{step.done ? ': done' : ': not yet'}</span>
            </p>
            <p className="text-sm text-slate-600">{step.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  )
}
