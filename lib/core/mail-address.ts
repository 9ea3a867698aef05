// The last gate before nodemailer: an address we put in a header must be a
// plain addr-spec (no spaces, quotes, line breaks, comments or groups), so no
// stored value, however it got there, can bend a header. Forms validate with
// zod first; this holds even if one of them ever lets something through.
const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const addrSpec = new RegExp(`^${atom}(?:\\.${atom})*@${label}(?:\\.${label})*$`);

export function isPlainMailAddress(address: string): boolean {
  return address.length <= 254 && addrSpec.test(address);
}
