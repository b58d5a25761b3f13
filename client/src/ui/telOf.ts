/** A phone number as people read it ("9-8-8", "+1 (403) 555-0199") made a `tel:` link's digits ("988", "+14035550199"). */
export function telOf(phone: string): string {
  return `${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;
}
