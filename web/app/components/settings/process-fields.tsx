import { Field } from '../form.tsx'

/** A process's name and description, shared by "Create process" and the process's own settings. */
export function ProcessFields({
  name,
  description,
  errors,
}: {
  name: string | undefined
  description: string | undefined
  errors: Record<string, string> | undefined
}) {
  return (
    <>
      <Field label="Process name" name="name" required defaultValue={name} error={errors?.name} />
      <Field label="Description" name="description" defaultValue={description} error={errors?.description} />
    </>
  )
}
