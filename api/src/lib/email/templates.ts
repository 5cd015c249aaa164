// Transactional emails: plain HTML and text bodies, each naming the workspace it comes from.
export type EmailTemplate =
  | 'verify-email'
  | 'password-reset'
  | 'invitation'
  | 'step-up-code'
  | 'signup-exists'
  | 'password-changed'
  | 'notification'
  | 'notification-digest'

export interface RenderedEmail {
  template: EmailTemplate
  subject: string
  text: string
  html: string
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  )

function render(
  template: EmailTemplate,
  subject: string,
  lines: string[],
  link?: { href: string; label: string },
) {
  const text = [...lines, ...(link ? ['', `${link.label}: ${link.href}`] : [])].join('\n')
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
  ].join('\n')
  return { template, subject, text, html }
}

export const emails = {
  verifyEmail: (link: string): RenderedEmail =>
    render(
      'verify-email',
      'Confirm your email for Aura CRM',
      ['Welcome to Aura CRM.', 'Confirm your address to continue.'],
      {
        href: link,
        label: 'Confirm my email',
      },
    ),
  signupExists: (loginLink: string): RenderedEmail =>
    render(
      'signup-exists',
      'Someone tried to sign up with your email',
      ['An Aura CRM account already uses this address. If that was you, log in instead.'],
      { href: loginLink, label: 'Log in' },
    ),
  passwordReset: (workspace: string, link: string): RenderedEmail =>
    render(
      'password-reset',
      `Reset your ${workspace} password`,
      [
        `Someone asked to reset your password for ${workspace}. The link works once, for one hour.`,
        'If it was not you, ignore this email.',
      ],
      { href: link, label: 'Choose a new password' },
    ),
  passwordChanged: (workspace: string): RenderedEmail =>
    render('password-changed', `Your ${workspace} password was changed`, [
      `Your password for ${workspace} was just reset. Every session and API token of yours was signed out.`,
      'If it was not you, reset your password again at once and tell your workspace admin.',
    ]),
  invitation: (workspace: string, role: string, link: string): RenderedEmail =>
    render(
      'invitation',
      `You're invited to ${workspace} on Aura CRM`,
      [`You have been invited to join ${workspace} as ${role}. The link works once, for 7 days.`],
      { href: link, label: 'Accept the invitation' },
    ),
  /** One notification by e-mail (ADR 0171): its sentence, and a link to its record when there is one. */
  notification: (workspace: string, sentence: string, link: string | null): RenderedEmail =>
    render(
      'notification',
      `${sentence} (${workspace})`,
      [`${sentence}.`, `You get this e-mail because of your notification choices in ${workspace}.`],
      link ? { href: link, label: 'Open it in Aura CRM' } : undefined,
    ),
  /** The day's digest (ADR 0171): one line a notification, the newest first, and a link to the Inbox. */
  notificationDigest: (workspace: string, sentences: string[], more: boolean, inbox: string | null) =>
    render(
      'notification-digest',
      `Your daily digest from ${workspace}`,
      [
        `Unread in ${workspace} since your last digest:`,
        ...sentences.map((s) => `• ${s}`),
        ...(more ? ['…and more in your Inbox.'] : []),
        'You get this e-mail because you chose a daily digest in your notification choices.',
      ],
      inbox ? { href: inbox, label: 'Open your Inbox' } : undefined,
    ),
  stepUpCode: (workspace: string, code: string): RenderedEmail =>
    render('step-up-code', `Your ${workspace} verification code: ${code}`, [
      `Your verification code is ${code}. It expires in 10 minutes.`,
      'Someone asked to perform a sensitive operation with your account. If it was not you, change your password.',
    ]),
}
