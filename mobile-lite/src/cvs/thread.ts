/** Pure rules of the message thread of an application (the API checks the same: 1–2000 characters, trimmed). */
export const MESSAGE_MAX = 2000;

export type MessageProblem = 'empty' | 'long' | null;

/** What is wrong with a message before sending it, or null. */
export function checkMessage(body: string): MessageProblem {
  const text = body.trim();
  if (!text) return 'empty';
  return text.length > MESSAGE_MAX ? 'long' : null;
}

export interface ThreadMessage {
  fromEmployer: boolean;
  mine: boolean;
}

/** Which side wrote a message, as the reader sees it: me, the company, or the applicant. */
export function senderSide(m: ThreadMessage): 'me' | 'company' | 'applicant' {
  if (m.mine) return 'me';
  return m.fromEmployer ? 'company' : 'applicant';
}
