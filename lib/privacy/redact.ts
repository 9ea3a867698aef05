// Email addresses out of text we keep or log (a mail server's refusal often
// quotes the address): errors stay useful, addresses stay private.
const emailLike = /[^\s<>"'(),;:@]+@[^\s<>"'(),;:@]+\.[A-Za-z]{2,}/g;

export function redactAddresses(text: string): string {
  return text.replace(emailLike, "[address]");
}
