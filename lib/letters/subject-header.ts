// A subject or display name that contains text shaped like an RFC 2047
// encoded word ("=?utf-8?Q?=0D=0ABcc:…?=") is plain ASCII, so nodemailer
// would send it as typed and mail clients would decode it: the addressee
// would see a line break and a "Bcc:" line in the subject, or another sender
// in From. Such a text goes out as encoded words of its own, which clients
// decode once, back to exactly what was typed.

const maxBytesPerWord = 45; // 60 base64 characters: each word stays under RFC 2047's 75

export function encodedWordSafe(subject: string): string {
  if (!subject.includes("=?")) return subject;
  const words: string[] = [];
  let chunk = "";
  for (const character of subject) {
    if (chunk && Buffer.byteLength(chunk + character) > maxBytesPerWord) {
      words.push(chunk);
      chunk = "";
    }
    chunk += character;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, "utf8").toString("base64")}?=`).join(" ");
}
